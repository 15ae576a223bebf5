export * from './libraryTxt';
export * from './libraryAnnouncer';
export * from './libraryBrowser';
export * from './nameClaim';
