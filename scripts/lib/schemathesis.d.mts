export declare const SCHEMATHESIS_VERSION: string;
export declare function ensureSchemathesis(): string;
