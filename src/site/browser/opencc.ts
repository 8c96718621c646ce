// The opencc-js converters of the 繁/简 switch, loaded from /assets/opencc/ the first time each is needed.

/** A script a page or the reader can choose. */
export type Script = 'Hant' | 'Hans';

/** Converts a text to another script, keeping what it cannot convert. */
export type Convert = (text: string) => string;

declare global {
  interface Window {
    /** Defined by /assets/opencc/t2cn.js and cn2t.js (opencc-js's browser builds). */
    OpenCC: { Converter(options: { from: 't' | 'cn'; to: 't' | 'cn' }): Convert };
  }
}

/**
 * The converter to each script for a site whose root is `prefix`: its script is added to the page
 * once, and added again after a failure.
 */
export function converterLoader(prefix: string): (target: Script) => Promise<Convert> {
  const loading = new Map<Script, Promise<Convert>>();
  return (target) => {
    let converter = loading.get(target);
    if (!converter) {
      converter = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = `${prefix}assets/opencc/${target === 'Hans' ? 't2cn.js' : 'cn2t.js'}`;
        // t2cn.js and cn2t.js each define window.OpenCC; take the converter as soon as one has loaded.
        s.onload = () => resolve(window.OpenCC.Converter(target === 'Hans' ? { from: 't', to: 'cn' } : { from: 'cn', to: 't' }));
        s.onerror = () => {
          loading.delete(target);
          reject(new Error(`cannot load ${s.src}`));
        };
        document.head.appendChild(s);
      });
      loading.set(target, converter);
    }
    return converter;
  };
}
