//! How folio's quotation models are trained: the annotated corpora read and scored the way
//! `../shared/tools/score-extraction` scores them, and the learners. Kept outside
//! `article/` because training runs the whole parser: the article layer only reads the
//! weights (`article::learn`), it never learns.

pub mod corpus;
pub mod train;
