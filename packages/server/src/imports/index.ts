export * from './import-batch.ts';
export * from './import-errors.ts';
export * from './ctdc/import-ctdc.ts';
export * from './opennrm-json/export-opennrm-json.ts';
export * from './opennrm-json/import-opennrm-json.ts';
export * from './import-file.ts';
