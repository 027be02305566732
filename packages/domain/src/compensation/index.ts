export * from './compensation-codes.ts';
export * from './compensation-profile.ts';
export * from './money.ts';
export * from './exchange-rates.ts';
export * from './advance-payment.ts';
export * from './compensation-figures.ts';
