/**
 * Public halves of the project's list-signing keys (made with `npm run list:keygen`; the private
 * keys never enter the repository). A downloaded list is trusted if one of these, or one of the
 * administrator's `listPublicKeys`, verifies its signature. Several entries allow a key rotation:
 * ship the new key in one release, start signing with it in the next.
 */
export const BUNDLED_LIST_PUBLIC_KEYS: readonly string[] = Object.freeze(['jId0sbDLb7l2e9Fmyw/9eKGeG4gPNMEL6Eyupw/xo8s=']);
