/** The trace events that run script (ours or the page's). */
export declare const SCRIPT_EVENTS: ReadonlySet<string>;
