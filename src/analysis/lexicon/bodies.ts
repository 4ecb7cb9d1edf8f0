/**
 * Bodies: the one home of the words that say a noun phrase names an organisation (`ministry`,
 * `agency`, `coastguard`), what bodies issue (`statement`, `report`), and the words of company names.
 */

/** Head nouns of the offices of a state or a body: `the UN mapping office`, `the country's security cell`. */
export const OFFICE_NOUNS: readonly string[] = ['office', 'agency', 'ministry', 'mission', 'cell', 'command', 'service', 'department'];

/**
 * Head nouns of bodies that issue statements. A noun phrase holding one (`the foreign ministry`,
 * `Norland's permanent mission to the UN`) names an organisation, whether or not it is capitalised.
 */
export const ORGANISATION_NOUNS: ReadonlySet<string> = new Set([
  ...OFFICE_NOUNS,
  'government', 'pentagon', 'army', 'military', 'embassy', 'council',
  'committee', 'commission', 'police', 'court', 'parliament', 'presidency',
  'cabinet', 'kremlin', 'administration', 'organisation', 'organization', 'coalition', 'alliance',
  'secretariat', 'directorate', 'authority', 'union', 'bureau', 'headquarters', 'navy',
  'corps', 'observatory', 'monitor', 'fund', 'programme', 'program', 'bank',
  'movement', 'party', 'group', 'company', 'network', 'broadcaster', 'newspaper', 'tv', 'channel', 'campaign',
  'firm', 'operator', 'charity', 'hospital', 'university', 'institute', 'commission', 'board', 'tribunal', 'forces',
  'district', 'coastguard', 'guard', 'centre', 'center', 'society', 'association', 'federation', 'foundation', 'collective',
  'front', 'brigade', 'brigades', 'militia', 'battalion', 'battalions', 'consulate', ]);

/** Nouns for what an organisation issues; as a subject (`the statement said`) they stand for its author. */
export const DOCUMENT_NOUNS = ['statement', 'letter', 'communique', 'communiqué', 'report', 'message', 'release', 'declaration', 'note', 'study', 'audit', 'review', 'inquiry', 'investigation'] as const;

/** Kinds of body (or vessel) that, right before a name, make it the body's name: `the consultancy Kessel Risk`. */
export const BODY_KINDS: readonly string[] = ['consultancy', 'firm', 'company', 'bank', 'agency', 'newspaper', 'broadcaster', 'charity', 'fund', 'group', 'insurer', 'lender', 'trader', 'broker', 'ship', 'vessel', 'ferry', 'tanker'];

/** Bodies named only by what they are (`the company said`): the one named so far, when it says nothing of what it is. */
export const GENERIC_BODY_NOUNS: readonly string[] = [
  'company', 'firm', 'operator', 'manufacturer', 'carrier', 'utility', 'employer', 'plant',
  // Business copy names a company by its trade: `the chemicals maker said`, `the lender added`.
  'maker', 'automaker', 'carmaker', 'chipmaker', 'drugmaker', 'producer', 'retailer', 'lender', 'insurer', 'supplier', 'airline',
];

/** Words that make a name a company's: `Greyfell Engineering`, `Ironvale Minerals`. */
export const COMPANY_WORDS: readonly string[] = [
  'engineering', 'holdings', 'partners', 'associates', 'advisory', 'consulting', 'industries', 'minerals', 'mining',
  'energy', 'oil', 'gas', 'petroleum', 'motors', 'airlines', 'airways', 'shipping', 'maritime', 'logistics',
  'construction', 'capital', 'investments', 'technologies', 'systems', 'solutions', 'inc', 'ltd', 'llc', 'plc', 'corp',
  'corporation', 'limited', 'co', 'forces', 'people’s', "people's", 'administration', 'occupational',
  'products', 'chemicals', 'plastics', 'polymers', 'foods', 'pharmaceuticals', 'textiles', 'steel', 'electric', 'power',
  'telecom', 'communications', 'insurance', 'resources', 'metals', 'brands', 'enterprises', 'manufacturing', 'local',
  'markets', 'securities', 'research', 'analytics', 'advisors', 'advisers', 'brokers', 'ventures',
];

/** Nouns for one armed force, which copy uses in turn for it (`the Norland military` … `the army said`). */
export const MILITARY_NOUNS: readonly string[] = ['army', 'military', 'forces'];
