// pdfjs-dist ships no types for its worker; the script needs only the name of its handler.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
