/** Places: the one home of the nouns that name a kind of place (`village`, `province`, `port`). */

/** Nouns after which `of` introduces a place: `the village of Fern Hollow`. */
export const PLACE_NOUNS: readonly string[] = ['village', 'town', 'city', 'province', 'region', 'district', 'county', 'state', 'island', 'port', 'valley', 'capital', 'outskirts', 'governorate', 'municipality', 'area', 'suburb', 'neighbourhood', 'neighborhood'];
