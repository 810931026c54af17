// saxon-js ships no types: only what this project calls is declared here.
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetText?: string;
    stylesheetInternal?: unknown;
    stylesheetFileName?: string;
    sourceText?: string;
    sourceFileName?: string;
    sourceNode?: unknown;
    destination?: 'serialized' | 'raw' | 'document' | 'application' | 'file' | 'stdout' | 'replaceBody' | 'appendToBody' | 'prependToBody';
    stylesheetParams?: Record<string, unknown>;
    initialTemplate?: string;
    initialMode?: string;
    baseOutputURI?: string;
    collectionFinder?: (uri: string) => unknown;
    deliverMessage?: (message: unknown, errorCode: string) => void;
    deliverResultDocument?: (uri: string) => { destination: string; save?: (uri: string, result: string, encoding?: string) => void };
    outputProperties?: Record<string, unknown>;
  }
  interface TransformResult {
    principalResult?: string;
    resultDocuments?: Record<string, string>;
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode?: 'sync' | 'async'): TransformResult;
    getPlatform(): { parseXmlFromString(text: string): unknown; readFile(path: string): string };
    XPath: { evaluate(xpath: string, context?: unknown, options?: Record<string, unknown>): unknown };
  };
  export default SaxonJS;
}
