export * from './libraryTxt';
export * from './libraryAnnouncer';
export * from './libraryBrowser';
