/** A Chinese character or CJK punctuation (full-width forms included): where text runs on with no spaces. */
export const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
