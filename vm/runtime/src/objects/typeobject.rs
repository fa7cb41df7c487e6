//! The `type` type: calling a class (`type_call`), creating classes (`type_new`,
//! `__build_class__`), the C3 MRO, slot inheritance, special-method lookup.

use crate::error::PyResult;
use crate::object::alloc::alloc;
use crate::object::typeobj::{Layout, Slots};
use crate::object::{PyObject, PyRef, PyType, Slot, TypeFlags};
use crate::objects::dict::PyDict;
use crate::objects::function::PyFunction;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

/// `_PyObject_LookupSpecial`: the attribute on `type(o)`, bound to `o`.
pub fn lookup_special(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> Option<PyRef> {
    let f = o.type_().lookup(name)?;
    match f.type_().slots().descr_get {
        Some(g) => g(vm, &f, Some(o), Some(o.type_().as_object())).ok(),
        None => Some(f),
    }
}

/// `type.__call__`: `tp_new` then `tp_init`.
pub fn type_call(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let Some(t) = o.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    let nkw = kw.map_or(0, |k| k.len());
    if o.is(&vm.types.type_) && args.len() == 1 && nkw == 0 {
        return Ok(args[0].type_().as_type_ref().into_object());
    }
    let t_ref = t.as_type_ref();
    let Some(new) = t.slots().new else {
        return Err(vm.new_type_error(format!("cannot create '{}' instances", t.name_str())));
    };
    let obj = new(vm, &t_ref, args, kw)?;
    if !obj.type_().is_subtype(t) {
        return Ok(obj);
    }
    if let Some(init) = obj.type_().slots().init {
        init(vm, &obj, args, kw)?;
    }
    Ok(obj)
}

/// The C3 linearisation of `t` with `bases`.
pub fn mro_c3(vm: &Vm, t: &PyRef<PyType>, bases: &[PyRef<PyType>]) -> PyResult<Vec<PyRef>> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| o.is(b)) {
            return Err(vm.new_type_error(format!("duplicate base class {}", b.name_str())));
        }
    }
    let mut seqs: Vec<Vec<PyRef>> = Vec::new();
    for b in bases {
        match b.mro() {
            Some(m) => seqs.push(m.as_slice().to_vec()),
            None => seqs.push(vec![b.clone_object()]),
        }
    }
    seqs.push(bases.iter().map(|b| b.clone_object()).collect());
    let mut out = vec![t.clone_object()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let c = &s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(c))) {
                cand = Some(c.clone());
                break;
            }
        }
        let Some(c) = cand else {
            let names: Vec<String> = {
                let mut v: Vec<String> = Vec::new();
                for s in &seqs {
                    let n = s[0]
                        .downcast_ref::<PyType>()
                        .map(|t| t.name_str())
                        .unwrap_or_default();
                    if !v.contains(&n) {
                        v.push(n);
                    }
                }
                v
            };
            return Err(vm.new_type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Fills unset slots from `base` (`inherit_slots`).
pub fn inherit_slots(t: &PyType, base: &PyType) {
    let b = *base.slots();
    let mut s = *t.slots();
    macro_rules! inh {
        ($($f:ident),*) => { $(if s.$f.is_none() { s.$f = b.$f; })* };
    }
    inh!(
        repr,
        str,
        getattro,
        setattro,
        call,
        iter,
        iternext,
        descr_get,
        descr_set,
        new,
        init,
        finalize,
        traverse,
        clear,
        nb_power,
        nb_divmod,
        nb_negative,
        nb_positive,
        nb_absolute,
        nb_invert,
        nb_bool,
        nb_int,
        nb_float,
        nb_index,
        mp_length,
        sq_length,
        mp_subscript,
        mp_ass_subscript,
        sq_contains,
        sq_concat,
        sq_repeat,
        sq_inplace_concat,
        sq_inplace_repeat
    );
    for i in 0..s.nb_binary.len() {
        if s.nb_binary[i].is_none() {
            s.nb_binary[i] = b.nb_binary[i];
        }
        if s.nb_inplace[i].is_none() {
            s.nb_inplace[i] = b.nb_inplace[i];
        }
    }
    if s.richcompare.is_none() && s.hash.is_none() && !s.hash_none {
        s.richcompare = b.richcompare;
        s.hash = b.hash;
        s.hash_none = b.hash_none;
    }
    if b.finalize.is_some() {
        t.flags.set(
            t.flags()
                .union(TypeFlags(base.flags().0 & TypeFlags::HAS_FINALIZER.0)),
        );
    }
    t.set_slots(s);
}

fn solid_layout_size(t: &PyType) -> (Layout, usize) {
    (t.layout, t.base_size)
}

/// `best_base`: the base whose layout all others extend.
fn best_base(vm: &Vm, bases: &[PyRef<PyType>]) -> PyResult<PyRef<PyType>> {
    let mut winner: Option<PyRef<PyType>> = None;
    for b in bases {
        if !b.flags().contains(TypeFlags::BASETYPE) {
            return Err(vm.new_type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name_str()
            )));
        }
        match &winner {
            None => winner = Some(b.clone()),
            Some(w) => {
                let (wl, _) = solid_layout_size(w);
                let (bl, _) = solid_layout_size(b);
                if wl == bl || bl == Layout::Object {
                    // keep
                } else if wl == Layout::Object || b.is_subtype(w) {
                    winner = Some(b.clone());
                } else if !w.is_subtype(b) {
                    return Err(vm.new_type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
    }
    winner.ok_or_else(|| vm.new_type_error("bases must be types"))
}

/// `type.__new__(meta, name, bases, ns)`.
/// `_Py_Mangle` of a `__slots__` name: `__x` in class `C` is `_C__x` (dunder names and
/// classes named only with underscores are left alone).
fn mangle_slot(vm: &Vm, class: &PyStr, s: PyRef<PyStr>) -> PyRef<PyStr> {
    let b = s.as_bytes();
    if !b.starts_with(b"__") || b.ends_with(b"__") || b.contains(&b'.') {
        return s;
    }
    let cls = class.as_bytes();
    let stripped = &cls[cls.iter().take_while(|c| **c == b'_').count()..];
    if stripped.is_empty() {
        return s;
    }
    let mut m = Vec::with_capacity(1 + stripped.len() + b.len());
    m.push(b'_');
    m.extend_from_slice(stripped);
    m.extend_from_slice(b);
    vm.new_str_from_gen_utf8(&m)
}

pub fn type_new(vm: &Vm, meta: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(args, kw);
    if pos.len() == 1 && kws.is_empty() && meta.is(&vm.types.type_) {
        return Ok(pos[0].type_().as_type_ref().into_object());
    }
    if pos.len() != 3 {
        return Err(vm.new_type_error("type() takes 1 or 3 arguments"));
    }
    let Some(name) = pos[0].clone().downcast::<PyStr>().ok() else {
        return Err(vm.new_type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            pos[0].type_().name_str()
        )));
    };
    let Some(bases_t) = pos[1].downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            pos[1].type_().name_str()
        )));
    };
    let Some(ns) = pos[2].downcast_ref::<PyDict>() else {
        return Err(vm.new_type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            pos[2].type_().name_str()
        )));
    };
    // _PyType_CalculateMetaclass: the most derived metaclass wins; a winner with its own
    // `__new__` gets the call.
    let mut winner = meta.clone();
    for b in bases_t.as_slice() {
        let bt = b.type_();
        if winner.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(&winner) {
            winner = bt.as_type_ref();
            continue;
        }
        return Err(vm.new_type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if !winner.is(meta) {
        if let Some(new) = winner.slots().new {
            if new as *const () != type_new as *const () {
                return new(vm, &winner, args, kw);
            }
        }
        return type_new(vm, &winner, args, kw);
    }
    let mut bases: Vec<PyRef<PyType>> = Vec::new();
    for b in bases_t.as_slice() {
        match b.clone().downcast::<PyType>() {
            Ok(t) => bases.push(t),
            Err(_) => return Err(vm.new_type_error("bases must be types")),
        }
    }
    if bases.is_empty() {
        bases.push(vm.types.object.clone());
    }
    let base = best_base(vm, &bases)?;
    let dict = ns.copy(vm);
    // __slots__
    let slots_decl = dict.get_str(&vm.names.__slots__);
    let mut slot_names: Vec<PyRef<PyStr>> = Vec::new();
    // Type objects keep their namespace in `PyType::dict` (a metaclass adds no __dict__).
    let mut want_dict = base.dict_word.is_none() && base.layout != Layout::Type;
    let mut slots_weakref = false;
    if let Some(sd) = &slots_decl {
        want_dict = false;
        let items = if sd.downcast_ref::<PyStr>().is_some() {
            vec![sd.clone()]
        } else {
            crate::ops::collect(vm, sd)?
        };
        for it in items {
            let Ok(s) = it.downcast::<PyStr>() else {
                return Err(vm.new_type_error("__slots__ items must be strings"));
            };
            if s.as_bytes() == b"__dict__" {
                if base.dict_word.is_none() {
                    want_dict = true;
                }
                continue;
            }
            if s.as_bytes() == b"__weakref__" {
                slots_weakref = true;
                continue;
            }
            let s = mangle_slot(vm, &name, s);
            // __qualname__ and __classcell__ leave the namespace before the class is made.
            if dict.get_str(&s).is_some()
                && s.as_bytes() != b"__qualname__"
                && s.as_bytes() != b"__classcell__"
            {
                return Err(vm.new_value_error(format!(
                    "'{}' in __slots__ conflicts with class variable",
                    s
                )));
            }
            slot_names.push(vm.intern_str(s));
        }
    }
    let base_words = base.extra_words;
    let mut extra_words = base_words;
    let mut dict_word = base.dict_word;
    if want_dict && dict_word.is_none() {
        dict_word = Some(extra_words);
        extra_words += 1;
    }
    let first_slot = extra_words;
    extra_words += slot_names.len();
    // qualname
    let qualname = match dict.pop_str(&vm.names.__qualname__) {
        Some(q) => q.downcast::<PyStr>().map_err(|q| {
            vm.new_type_error(format!(
                "type __qualname__ must be a str, not {}",
                q.type_().name_str()
            ))
        })?,
        None => name.clone(),
    };
    if dict.get_str(&vm.names.__module__).is_none() {
        let fp = vm.ts.frame.get();
        if !fp.is_null() {
            // SAFETY: the current frame is alive during this call.
            if let Some(n) =
                unsafe { (*fp).globals.as_ref() }.and_then(|g| g.get_str(&vm.names.__name__))
            {
                dict.set_str(vm.names.__module__.clone(), n);
            }
        }
    }
    if dict.get_str(&vm.names.__doc__).is_none() {
        dict.set_str(vm.names.__doc__.clone(), vm.none());
    }
    // __new__ is a staticmethod; __init_subclass__ and __class_getitem__ classmethods.
    if let Some(f) = dict.get_str(&vm.names.__new__) {
        if f.downcast_ref::<PyFunction>().is_some() {
            dict.set_str(
                vm.names.__new__.clone(),
                vm.new_staticmethod(&vm.types.staticmethod, f),
            );
        }
    }
    for n in [&vm.names.__init_subclass__, &vm.names.__class_getitem__] {
        if let Some(f) = dict.get_str(n) {
            if f.downcast_ref::<PyFunction>().is_some() {
                dict.set_str(n.clone(), vm.new_classmethod(&vm.types.classmethod, f));
            }
        }
    }
    if dict.get_str(&vm.names.__eq__).is_some() && dict.get_str(&vm.names.__hash__).is_none() {
        dict.set_str(vm.names.__hash__.clone(), vm.none());
    }
    let classcell = dict.pop_str(&vm.names.__classcell__);
    let flags = TypeFlags::HEAPTYPE | TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::READY;
    let inherited = TypeFlags(
        base.flags().0
            & (TypeFlags::LONG_SUBCLASS.0
                | TypeFlags::LIST_SUBCLASS.0
                | TypeFlags::TUPLE_SUBCLASS.0
                | TypeFlags::BYTES_SUBCLASS.0
                | TypeFlags::UNICODE_SUBCLASS.0
                | TypeFlags::DICT_SUBCLASS.0
                | TypeFlags::BASE_EXC_SUBCLASS.0
                | TypeFlags::TYPE_SUBCLASS.0
                | TypeFlags::SEQUENCE.0
                | TypeFlags::MAPPING.0
                | TypeFlags::MATCH_SELF.0
                | TypeFlags::HAS_FINALIZER.0),
    );
    let bases_tuple = vm.new_tuple(bases.iter().map(|b| b.clone_object()).collect());
    let t = alloc(
        meta,
        PyType {
            ob: crate::object::header(),
            name: UnsafeCell::new(name),
            qualname: UnsafeCell::new(qualname),
            flags: Cell::new(flags | inherited),
            layout: base.layout,
            layout_ops: base.layout_ops,
            base_size: base.base_size,
            extra_words,
            dict_word,
            base: Some(base.clone()),
            bases: UnsafeCell::new(bases_tuple),
            mro: UnsafeCell::new(None),
            dict,
            slots: UnsafeCell::new(Slots::default()),
            module_name: "",
        },
    );
    let mro = mro_c3(vm, &t, &bases)?;
    // SAFETY: fresh type, nobody else reads the mro yet.
    unsafe { *t.mro.get() = Some(vm.new_tuple(mro.clone())) };
    crate::object::typeobj::type_modified();
    // Slots: inherit along the MRO (the base first), then install dunder dispatchers.
    for m in mro.iter().skip(1) {
        if let Some(mt) = m.downcast_ref::<PyType>() {
            inherit_slots(&t, mt);
        }
    }
    // tp_new comes from the solid base alone (`type_ready_set_new`), not the first base
    // in the MRO: `class C(Mixin, list)` allocates with list's __new__.
    let base_new = base.slots().new;
    t.update_slots(|s| {
        s.traverse = Some(crate::objects::object::instance_traverse);
        if base_new.is_some() {
            s.new = base_new;
        }
    });
    crate::objects::slotdefs::fixup_slots(vm, &t);
    // member descriptors for __slots__
    for (i, n) in slot_names.iter().enumerate() {
        t.dict
            .set_str(n.clone(), vm.new_member(n.clone(), &t, first_slot + i));
    }
    if want_dict && base.dict_word.is_none() && t.dict.get_str(&vm.names.__dict__).is_none() {
        t.dict.set_str(
            vm.names.__dict__.clone(),
            vm.new_getset(
                "__dict__",
                &t,
                crate::objects::object::get_instance_dict,
                Some(crate::objects::object::subtype_set_dict),
            ),
        );
    }
    if crate::gc::weakref::adds_weakref_descr(&base, slots_decl.is_none() || slots_weakref) {
        t.dict.set_str(
            vm.intern("__weakref__"),
            vm.new_getset(
                "__weakref__",
                &t,
                crate::gc::weakref::weakref_attr_get,
                None,
            ),
        );
    }
    if let Some(cell) = classcell {
        match cell.downcast_ref::<crate::objects::function::PyCell>() {
            Some(c) => c.contents.set(Some(t.clone_object())),
            None => {
                return Err(vm.new_type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    cell.type_().name_str()
                )));
            }
        }
    }
    // __set_name__
    for (k, v) in t.dict.items() {
        if let Some(f) = lookup_special(vm, &v, &vm.names.__set_name__) {
            if let Err(e) = crate::ops::call(vm, &f, &[t.clone_object(), k.clone()], None) {
                return Err(e);
            }
        }
    }
    // __init_subclass__ of the parent
    let sup = crate::objects::descr_impl::new_super(vm, &t.clone_object(), &t.clone_object())?;
    let init_sub = crate::ops::get_attr(vm, &sup, &vm.names.__init_subclass__)?;
    let kwvals: Vec<PyRef> = kws.iter().map(|(_, v)| (*v).clone()).collect();
    let kwnames: Vec<PyRef> = kws.iter().map(|(k, _)| (*k).clone()).collect();
    if kwnames.is_empty() {
        crate::ops::call(vm, &init_sub, &[], None)?;
    } else {
        let kt = vm.new_tuple(kwnames);
        crate::ops::call(vm, &init_sub, &kwvals, Some(&kt))?;
    }
    Ok(t.into_object())
}

/// `builtins.__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(args, kw);
    if pos.len() < 2 {
        return Err(vm.new_type_error("__build_class__: not enough arguments"));
    }
    let Some(func) = pos[0].downcast_ref::<PyFunction>() else {
        return Err(vm.new_type_error("__build_class__: func must be a function"));
    };
    let name = pos[1].clone();
    if name.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<PyRef> = pos[2..].to_vec();
    // __mro_entries__
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if b.downcast_ref::<PyType>().is_some() {
            bases.push(b.clone());
            continue;
        }
        match crate::ops::get_attr_opt(vm, b, &vm.names.__mro_entries__)? {
            Some(m) => {
                let r = crate::ops::call(
                    vm,
                    &m,
                    &[vm.new_tuple(orig_bases.clone()).into_object()],
                    None,
                )?;
                let Some(rt) = r.downcast_ref::<PyTuple>() else {
                    return Err(vm.new_type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(rt.as_slice().iter().cloned());
                changed = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let mut meta: Option<PyRef> = None;
    let mut other_kw: Vec<(PyRef, PyRef)> = Vec::new();
    for (k, v) in kws {
        if k.downcast_ref::<PyStr>()
            .is_some_and(|s| s.as_bytes() == b"metaclass")
        {
            meta = Some(v.clone());
        } else {
            other_kw.push((k.clone(), v.clone()));
        }
    }
    let is_class = meta
        .as_ref()
        .is_none_or(|m| m.downcast_ref::<PyType>().is_some());
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.type_().as_type_ref().into_object(),
            None => vm.types.type_.clone_object(),
        },
    };
    if is_class {
        // calculate_metaclass
        let mut winner = meta
            .clone()
            .downcast::<PyType>()
            .map_err(|_| vm.new_type_error("bad metaclass"))?;
        for b in &bases {
            let bt = b.type_();
            if winner.is_subtype(bt) {
                continue;
            }
            if bt.is_subtype(&winner) {
                winner = bt.as_type_ref();
                continue;
            }
            return Err(vm.new_type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        meta = winner.into_object();
    }
    let bases_t = vm.new_tuple(bases.clone());
    let kwnames = vm.new_tuple(other_kw.iter().map(|(k, _)| k.clone()).collect());
    let kwvals: Vec<PyRef> = other_kw.iter().map(|(_, v)| v.clone()).collect();
    let ns = match crate::ops::get_attr_opt(vm, &meta, &vm.names.__prepare__)? {
        Some(p) => {
            let mut a = vec![name.clone(), bases_t.clone_object()];
            a.extend(kwvals.iter().cloned());
            crate::ops::call(
                vm,
                &p,
                &a,
                if other_kw.is_empty() {
                    None
                } else {
                    Some(&kwnames)
                },
            )?
        }
        None => vm.new_dict().into_object(),
    };
    // Run the class body with ns as its locals.
    let mut fr = crate::eval::make_frame(vm, func, &mut [], None)?;
    fr.locals = Some(ns.clone());
    let cell = crate::eval::run_frame(vm, fr)?;
    if changed {
        crate::ops::setitem(
            vm,
            &ns,
            vm.names.__orig_bases__.as_object(),
            vm.new_tuple(orig_bases).into_object(),
        )?;
    }
    let mut a = vec![name, bases_t.into_object(), ns];
    a.extend(kwvals);
    let cls = crate::ops::call(
        vm,
        &meta,
        &a,
        if other_kw.is_empty() {
            None
        } else {
            Some(&kwnames)
        },
    )?;
    if let Some(c) = cell.downcast_ref::<crate::objects::function::PyCell>() {
        let v = c.contents.get();
        if !v.as_ref().is_some_and(|v| v.is(&cls)) {
            if v.is_none() {
                return Err(vm.new_runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    crate::ops::repr_string(vm, &a_name(&cls))?,
                    crate::ops::repr_string(vm, &cls)?
                )));
            }
            return Err(vm.new_type_error(format!(
                "__class__ set to {} defining {} as {}",
                crate::ops::repr_string(vm, &v.unwrap_or_else(|| vm.none()))?,
                crate::ops::repr_string(vm, &a_name(&cls))?,
                crate::ops::repr_string(vm, &cls)?
            )));
        }
    }
    Ok(cls)
}

fn a_name(cls: &PyRef) -> PyRef {
    cls.downcast_ref::<PyType>()
        .map_or_else(|| cls.clone(), |t| t.name().clone_object())
}

/// `type[...]` and `list[int]`: a minimal `types.GenericAlias` (its repr and origin).
pub fn generic_alias(vm: &Vm, origin: &PyObject, args: &PyObject) -> PyResult {
    let a = if args.downcast_ref::<PyTuple>().is_some() {
        args.to_owned()
    } else {
        vm.new_tuple(vec![args.to_owned()]).into_object()
    };
    Ok(vm.new_multi_iter(
        &vm.types.generic_alias,
        vec![origin.to_owned(), a],
        None,
        vm.none(),
        false,
    ))
}

/// Type repr: `<class 'mod.Name'>` (no module for builtins).
pub fn type_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(t) = o.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    let module = if t.is_heap() {
        t.dict
            .get_str(&vm.names.__module__)
            .and_then(|m| m.downcast::<PyStr>().ok())
            .map(|m| m.to_string_lossy())
    } else if t.module_name != "builtins" {
        Some(t.module_name.to_string())
    } else {
        None
    };
    let q = if t.is_heap() {
        t.qualname().to_string_lossy()
    } else {
        // A static type's name is its `tp_name`: "module.Name" outside builtins.
        let n = t.name_str();
        n.rsplit('.').next().unwrap_or(&n).to_string()
    };
    Ok(vm.new_str(&match module {
        Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, q),
        _ => format!("<class '{}'>", q),
    }))
}

/// `type.__setattr__`: stores in the dict and refreshes slots for dunders.
pub fn type_setattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>, v: Slot) -> PyResult<()> {
    let Some(t) = o.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("not a type"));
    };
    if !t.is_heap() {
        return Err(vm.new_type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name,
            t.name_str()
        )));
    }
    // data descriptors on the metatype (e.g. __name__)
    if let Some(d) = o.type_().lookup(name) {
        if let Some(f) = d.type_().slots().descr_set {
            return f(vm, &d, o, v);
        }
    }
    match v {
        Some(v) => t.dict.set_str(name.clone(), v),
        None => {
            if t.dict.pop_str(name).is_none() {
                return Err(vm.new_attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    t.name_str(),
                    name
                )));
            }
        }
    }
    if name.as_bytes().starts_with(b"__") && name.as_bytes().ends_with(b"__") {
        if t.lookup(name).is_none() {
            restore_inherited_slot(vm, t, name.as_bytes());
        }
        crate::objects::slotdefs::fixup_slots(vm, t);
    }
    Ok(())
}

/// After `del C.__x__` removed the last definition in the MRO: the slots `__x__` filled
/// go back to the base's (`update_slot` in CPython).
fn restore_inherited_slot(vm: &Vm, t: &PyType, name: &[u8]) {
    let Some(base) = t.base.as_ref() else {
        return;
    };
    let b = *base.slots();
    let mut s = *t.slots();
    match name {
        b"__len__" => {
            s.sq_length = b.sq_length;
            s.mp_length = b.mp_length;
            if s.nb_bool.is_some() && t.lookup(&vm.intern("__bool__")).is_none() {
                s.nb_bool = b.nb_bool;
            }
        }
        b"__bool__" => s.nb_bool = b.nb_bool,
        b"__iter__" => s.iter = b.iter,
        b"__next__" => s.iternext = b.iternext,
        b"__call__" => s.call = b.call,
        b"__getitem__" => s.mp_subscript = b.mp_subscript,
        b"__contains__" => s.sq_contains = b.sq_contains,
        b"__repr__" => s.repr = b.repr,
        b"__str__" => s.str = b.str,
        b"__int__" => s.nb_int = b.nb_int,
        b"__float__" => s.nb_float = b.nb_float,
        b"__index__" => s.nb_index = b.nb_index,
        b"__neg__" => s.nb_negative = b.nb_negative,
        b"__pos__" => s.nb_positive = b.nb_positive,
        b"__abs__" => s.nb_absolute = b.nb_absolute,
        b"__invert__" => s.nb_invert = b.nb_invert,
        _ => return,
    }
    t.set_slots(s);
}

fn alias_item_repr(vm: &Vm, o: &PyObject) -> PyResult<String> {
    if let Some(t) = o.downcast_ref::<PyType>() {
        let q = if t.is_heap() {
            t.qualname().to_string_lossy()
        } else {
            t.name_str()
        };
        let module = if t.is_heap() {
            t.dict
                .get_str(&vm.names.__module__)
                .and_then(|m| m.downcast::<PyStr>().ok())
                .map(|m| m.to_string_lossy())
        } else {
            None
        };
        return Ok(match module {
            Some(m) if m != "builtins" => format!("{}.{}", m, q),
            _ => q,
        });
    }
    if o.is(&vm.ellipsis) {
        return Ok("...".into());
    }
    crate::ops::repr_string(vm, o)
}

fn generic_alias_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(m) = o.downcast_ref::<crate::objects::iter::PyMultiIter>() else {
        return Err(vm.new_type_error("bad alias"));
    };
    let parts = m.iters.get();
    let (Some(origin), Some(args)) = (parts.first(), parts.get(1)) else {
        return Err(vm.new_type_error("bad alias"));
    };
    let items: Vec<PyRef> = args
        .downcast_ref::<PyTuple>()
        .map(|t| t.as_slice().to_vec())
        .unwrap_or_default();
    let mut inner = Vec::new();
    for it in &items {
        inner.push(alias_item_repr(vm, it)?);
    }
    if origin.downcast_ref::<PyStr>().is_some() {
        let inner: Vec<String> = items
            .iter()
            .zip(inner)
            .map(|(it, r)| {
                if it.is(&vm.types.none_type) {
                    "None".to_string()
                } else {
                    r
                }
            })
            .collect();
        return Ok(vm.new_str(&inner.join(" | ")));
    }
    let inner = if items.is_empty() {
        "()".to_string()
    } else {
        inner.join(", ")
    };
    Ok(vm.new_str(&format!("{}[{}]", alias_item_repr(vm, origin)?, inner)))
}

/// The members of a `X | Y` union object, `None` for anything else.
pub fn union_args(vm: &Vm, o: &PyObject) -> Option<Vec<PyRef>> {
    if !o.is_type(&vm.types.generic_alias) {
        return None;
    }
    let m = o.downcast_ref::<crate::objects::iter::PyMultiIter>()?;
    let parts = m.iters.get();
    if parts.first()?.downcast_ref::<PyStr>().is_none() {
        return None;
    }
    Some(parts.get(1)?.downcast_ref::<PyTuple>()?.as_slice().to_vec())
}

fn alias_part(vm: &Vm, o: &PyObject, i: usize) -> PyResult {
    let m = o
        .downcast_ref::<crate::objects::iter::PyMultiIter>()
        .ok_or_else(|| vm.new_type_error("bad alias"))?;
    m.iters
        .get()
        .get(i)
        .cloned()
        .ok_or_else(|| vm.new_type_error("bad alias"))
}

fn generic_alias_getattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    let is_union = union_args(vm, o).is_some();
    match name.as_bytes() {
        b"__args__" => return alias_part(vm, o, 1),
        b"__origin__" if !is_union => return alias_part(vm, o, 0),
        b"__parameters__" => return Ok(vm.new_tuple(vec![]).into_object()),
        b"__class__" => return Ok(o.type_().as_type_ref().into_object()),
        _ => {}
    }
    if !is_union && !name.as_bytes().starts_with(b"__") {
        // GenericAlias forwards other attributes to its origin.
        let origin = alias_part(vm, o, 0)?;
        return crate::ops::get_attr(vm, &origin, name);
    }
    crate::ops::attr::generic_getattr(vm, o, name)
}

fn generic_alias_call(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let Some(m) = o.downcast_ref::<crate::objects::iter::PyMultiIter>() else {
        return Err(vm.new_type_error("bad alias"));
    };
    let origin = m
        .iters
        .get()
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("bad alias"))?;
    crate::ops::call(vm, &origin, args, kw)
}

pub fn init_generic_alias(vm: &Vm) {
    vm.types.generic_alias.update_slots(|s| {
        s.repr = Some(generic_alias_repr);
        s.call = Some(generic_alias_call);
        s.getattro = Some(generic_alias_getattro);
    });
}
