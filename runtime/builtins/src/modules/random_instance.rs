//! `random.Random`: generators of their own, beside the module's hidden one. An
//! instance keeps a Mersenne Twister state and `gauss`'s kept value; each method swaps
//! them in as the module's generator, runs the module function of the same name and
//! swaps them back, so an instance gives the numbers CPython's gives, and the module's
//! own sequence is untouched.

use super::random::{self as module, Mt};
use super::random_dist;
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{self, Native, new_native};
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::RefCell;

struct RandomInstance {
    /// The generator (None until seeded) and `gauss`'s kept value.
    state: RefCell<(Option<Mt>, Option<f64>)>,
}

impl Native for RandomInstance {
    fn type_name(&self) -> &'static str {
        "Random"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `random.Random(seed=None)`.
pub fn random_new(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = crate::args::bind("Random", args, 0, &["x"], 0, 0)?;
    let inst = new_native(Box::new(RandomInstance { state: RefCell::new((None, None)) }));
    let seeded = on_instance(rt, inst, &Args { positional: &[a[0].unwrap_or(Value::NONE)], keywords: &[] }, module::seed);
    match seeded {
        Ok(none) => {
            none.decref();
            Ok(inst)
        }
        Err(e) => {
            inst.decref();
            Err(e)
        }
    }
}

/// Runs the module function `f` with `inst`'s state as the module's generator.
fn on_instance(rt: &mut Runtime, inst: Value, args: &Args, f: BuiltinFn) -> PyResult<Value> {
    let Some(me) = native::get(inst).and_then(|n| n.as_any().downcast_ref::<RandomInstance>()) else {
        return Err(PyErr::type_error(format!(
            "descriptor requires a 'random.Random' object but received a '{}'",
            stitch_core::ops::type_name(inst)
        )));
    };
    let (mt, gauss) = me.state.replace((None, None));
    let saved = (module::swap_generator(mt), random_dist::swap_gauss_next(gauss));
    let r = f(rt, args);
    let mine = (module::swap_generator(saved.0), random_dist::swap_gauss_next(saved.1));
    // Re-fetch: the call may have run Python code, but `inst` is kept alive by the caller.
    me.state.replace(mine);
    r
}

macro_rules! methods {
    ($($name:literal => $f:path,)*) => {
        /// The methods of `random.Random` instances: the module's functions.
        pub const METHODS: &[(&str, BuiltinFn)] = &[$(($name, {
            fn method(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
                let Some((&me, rest)) = args.positional.split_first() else {
                    return Err(PyErr::type_error(concat!("unbound method Random.", $name, "() needs an argument")));
                };
                on_instance(rt, me, &Args { positional: rest, keywords: args.keywords }, $f)
            }
            method
        })),*];
    };
}

methods! {
    "seed" => module::seed,
    "random" => module::random,
    "getrandbits" => module::getrandbits,
    "randrange" => module::randrange,
    "randint" => module::randint,
    "choice" => module::choice,
    "shuffle" => module::shuffle,
    "uniform" => module::uniform,
    "sample" => random_dist::sample,
    "choices" => random_dist::choices,
    "gauss" => random_dist::gauss,
    "normalvariate" => random_dist::normalvariate,
}
