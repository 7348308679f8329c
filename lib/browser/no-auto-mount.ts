/**
 * Stands in for `@1natsu/wait-element` (and its detectors) in the page UI's build (wxt.config.ts).
 * WXT's createShadowRootUi imports it for `autoMount` only, which the page UI never calls: page-alert.ts
 * mounts its UI itself and attaches it again when a page removes it. With many-keys-map and defu it
 * weighed 3.3 KB of the page UI, about a tenth of its gzip budget. Anything that reaches it throws, so
 * a future use of autoMount fails loudly instead of quietly doing nothing.
 */
const unavailable = (): never => {
  throw new Error('autoMount is not built into the page UI (see wxt.config.ts)');
};

export const waitElement = unavailable;
export const isExist = unavailable;
export const isNotExist = unavailable;
