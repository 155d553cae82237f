// The third-party code the brief runs, built once into dist/third-party.cjs (tsup.config.ts)
// and loaded by both dist/index.js and dist/index.cjs, so that the package holds one copy of it.

export * as fontkit from 'fontkit';
export { default as LineBreaker } from 'linebreak';
export { default as PDFDocument } from 'pdfkit';
