import type { FoundLibrary, LibraryBrowser } from '../../src/discovery';

/** Resolves with the browser's list once `test` holds for it (bounded: 8 s). */
export function untilFound(
  browser: LibraryBrowser,
  test: (libraries: FoundLibrary[]) => boolean,
  what: string,
): Promise<FoundLibrary[]> {
  if (test(browser.libraries)) return Promise.resolve(browser.libraries);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      browser.off('change', onChange);
      reject(new Error(`browser never saw: ${what} (last: ${JSON.stringify(browser.libraries)})`));
    }, 8_000);
    const onChange = (libraries: FoundLibrary[]) => {
      if (!test(libraries)) return;
      clearTimeout(timer);
      browser.off('change', onChange);
      resolve(libraries);
    };
    browser.on('change', onChange);
  });
}
