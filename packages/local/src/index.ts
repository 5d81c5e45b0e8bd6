export * from './auth/clients';
export * from './auth/issuer';
export * from './bus/local-bus';
export * from './cloud';
export * from './dynamodb/launcher';
export * from './dynamodb/tables';
export * from './eventbridge/pattern';
export * from './sqs/local-queue';
