export * from './instrument-schema.ts';
export * from './shipped-instruments.ts';
export * from './evaluate-screening.ts';
export * from './screening-record.ts';
