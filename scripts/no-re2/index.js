"use strict";
// Loading fails on purpose: callers catch the error and fall back to JavaScript regular expressions.
// See package.json beside this file for why the real package is left out.
const error = new Error("re2 is left out of this install; use JavaScript RegExp instead");
error.code = "MODULE_NOT_FOUND";
throw error;
