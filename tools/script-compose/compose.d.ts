/** Types of compose.js (shared gateway-script functions inlined at build time). */
export declare const FUNCTIONS_DIR: string;
export declare function composeScript(scriptText: string, functionsDir?: string): string;
export declare function includedFunctions(scriptText: string): string[];
