//! `--dump-executors DIR`: the executor graph as Graphviz DOT. (Written with the stats
//! report.)
