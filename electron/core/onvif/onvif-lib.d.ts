/** The XML helpers inside the `onvif` package (pinned at 0.8.3): the same parser its own discovery uses. */
declare module 'onvif/lib/utils' {
  export function parseSOAPString(
    xml: string,
    callback: (err: Error | null, data: unknown, xml: string, statusCode?: number) => void,
    statusCode?: number,
  ): void;
  export function linerase(data: unknown): unknown;
}
