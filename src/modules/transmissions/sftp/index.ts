export * from './sftp-errors';
export * from './host-key';
export * from './sftp-connection';
export * from './deliver-file';
export * from './collect-files';
