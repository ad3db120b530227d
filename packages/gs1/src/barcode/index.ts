// @txng/gs1/barcode: GS1 symbols drawn with bwip-js, kept apart from the core so that parsing in a browser does
// not pull in a barcode engine.
export type { BarcodeRequest, BarcodeOptions } from './barcode-request.ts';
export { prepareBarcode } from './barcode-request.ts';
export type { RenderedBarcode } from './render-barcode.ts';
export { renderBarcodeSvg, renderBarcodePng } from './render-barcode.ts';
