import raw from './data/default-list.json';
import { validateList, type VigieList } from './list-schema';

/**
 * The list bundled with the extension (generated from lib/data/organizations.yaml by
 * `npm run list:build`). Validated once at load, like any list fetched from an administrator:
 * a broken bundled list fails loudly at startup instead of producing wrong verdicts.
 */
export const defaultList: VigieList = validateList(raw);
