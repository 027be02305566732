export * from './problem.ts';
export * from './catalogue.ts';
