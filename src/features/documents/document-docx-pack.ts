import { Packer, type Document } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Packs the DOCX without the two costs docx spends on images that are already PNG: it names each
 * image by a SHA-1 computed in JavaScript, and deflates every part again, the PNGs included (a third
 * of a strategy document's time, for nothing: PNG data does not shrink). So the document is built
 * with a few bytes standing in for each image, and its parts are zipped here with the real PNGs
 * stored as they are and the XML deflated.
 *
 * This uses docx's compiler, which the Packer keeps as a private static member: docx is pinned
 * (package.json) and the renderer's tests read every image back, so an upgrade that moves it fails
 * loudly here instead of writing a document without its images.
 */
interface Compiler {
  compile(file: Document, prettify?: undefined, overrides?: []): Map<string, string | Uint8Array>;
}

/** What stands in for image `index` while docx builds the document. */
export function imagePlaceholder(index: number): Buffer {
  return Buffer.from(`routekaart-image-${index}`, 'latin1');
}

export function packDocx(document: Document, pngs: Buffer[]): Buffer {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (typeof compiler?.compile !== 'function')
    throw new Error('docx’s Packer has no compiler.compile any more: see document-docx-pack.ts');
  const byPlaceholder = new Map(pngs.map((png, i) => [imagePlaceholder(i).toString('latin1'), png]));
  const parts: Zippable = {};
  for (const [path, data] of compiler.compile(document)) {
    const png =
      path.startsWith('word/media/') && typeof data !== 'string'
        ? byPlaceholder.get(Buffer.from(data).toString('latin1'))
        : undefined;
    if (path.startsWith('word/media/') && !png) throw new Error(`${path} is no placeholder of an image`);
    parts[path] = png ? [png, { level: 0 }] : [typeof data === 'string' ? strToU8(data) : data, { level: 6 }];
  }
  return Buffer.from(zipSync(parts));
}
