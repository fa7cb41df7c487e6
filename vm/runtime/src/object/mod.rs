//! The object header, the `PyRef` owning pointer and typed downcasts: CPython's `PyObject`.
//!
//! Every heap object starts with [`PyObject`] (`ob_refcnt`, `ob_type`), followed by its
//! type's `#[repr(C)]` payload. A [`PyRef`] owns one reference: `clone` increments the
//! count, `drop` decrements it and deallocates at zero through the type's `dealloc`
//! (which may run `__del__`, i.e. arbitrary Python code — see the invariant in lib.rs).

pub mod alloc;
pub mod gc;
pub mod typeobj;

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

pub use typeobj::{Layout, PyType, TypeFlags};

/// The header every object starts with (`PyObject`).
#[repr(C)]
pub struct PyObject {
    pub ob_refcnt: Cell<isize>,
    /// The object's type; instances of heap types own a reference to it.
    pub ob_type: Cell<*const PyType>,
}

/// A header to put in a payload literal; `alloc` sets the count and type.
#[inline(always)]
pub const fn header() -> PyObject {
    PyObject {
        ob_refcnt: Cell::new(0),
        ob_type: Cell::new(std::ptr::null()),
    }
}

/// A payload type: `#[repr(C)]`, first field a `PyObject`, and the layout tag its types carry.
///
/// # Safety
/// Implementors must be `#[repr(C)]` with a `PyObject` as their first field, and every
/// type whose `layout` is `Self::LAYOUT` must allocate objects holding a valid `Self`.
pub unsafe trait PyPayload: Sized {
    const LAYOUT: Layout;
}

unsafe impl PyPayload for PyObject {
    const LAYOUT: Layout = Layout::Object;
}

impl PyObject {
    /// The object's type.
    #[inline(always)]
    pub fn type_(&self) -> &PyType {
        // SAFETY: ob_type always points at a live type object (held by the instance or by
        // the VM for static types).
        unsafe { &*self.ob_type.get() }
    }

    #[inline(always)]
    pub fn type_ptr(&self) -> *const PyType {
        self.ob_type.get()
    }

    /// `Py_IS_TYPE(o, t)`.
    #[inline(always)]
    pub fn is_type(&self, t: &PyType) -> bool {
        std::ptr::eq(self.ob_type.get(), t)
    }

    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.ob_refcnt.get()
    }

    #[inline(always)]
    pub fn incref(&self) {
        self.ob_refcnt.set(self.ob_refcnt.get() + 1);
    }

    /// A new owned reference to this object.
    #[inline(always)]
    pub fn to_owned(&self) -> PyRef {
        self.incref();
        // SAFETY: self is a live object; we just took a reference for the new PyRef.
        unsafe { PyRef::from_raw(self as *const PyObject as *mut PyObject) }
    }

    /// `self` viewed as payload `T` when its layout is `T`'s (subclass instances included).
    #[inline(always)]
    pub fn downcast_ref<T: PyPayload>(&self) -> Option<&T> {
        if T::LAYOUT == Layout::Object || self.type_().layout == T::LAYOUT {
            // SAFETY: layouts tag the payload struct (PyPayload contract).
            Some(unsafe { &*(self as *const PyObject as *const T) })
        } else {
            None
        }
    }

    /// # Safety
    /// The object's layout must be `T`'s.
    #[inline(always)]
    pub unsafe fn cast_unchecked<T: PyPayload>(&self) -> &T {
        unsafe { &*(self as *const PyObject as *const T) }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self as *const PyObject as *mut PyObject
    }

    /// `a is b`.
    #[inline(always)]
    pub fn is<O: AsRef<PyObject> + ?Sized>(&self, other: &O) -> bool {
        std::ptr::eq(self, other.as_ref())
    }
}

/// An owned reference to an object with payload `T` (`PyObject` when untyped).
#[repr(transparent)]
pub struct PyRef<T: PyPayload = PyObject> {
    ptr: NonNull<T>,
    _marker: PhantomData<T>,
}

impl<T: PyPayload> PyRef<T> {
    /// Takes ownership of one reference.
    ///
    /// # Safety
    /// `ptr` must point at a live object with payload `T`, whose count includes the
    /// reference being handed over.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: *mut PyObject) -> Self {
        // SAFETY: caller guarantees non-null.
        PyRef {
            ptr: unsafe { NonNull::new_unchecked(ptr as *mut T) },
            _marker: PhantomData,
        }
    }

    /// Gives up ownership without decrementing.
    #[inline(always)]
    pub fn into_raw(self) -> *mut PyObject {
        let p = self.ptr.as_ptr() as *mut PyObject;
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn as_object(&self) -> &PyObject {
        // SAFETY: payloads start with the header.
        unsafe { &*(self.ptr.as_ptr() as *const PyObject) }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.ptr.as_ptr() as *mut PyObject
    }

    /// Forgets the payload type.
    #[inline(always)]
    pub fn into_object(self) -> PyRef {
        // SAFETY: same pointer, same reference.
        unsafe { PyRef::from_raw(self.into_raw()) }
    }

    /// A new reference to the same object.
    #[inline(always)]
    pub fn clone_object(&self) -> PyRef {
        self.as_object().to_owned()
    }

    /// `a is b`.
    #[inline(always)]
    pub fn is<O: AsRef<PyObject> + ?Sized>(&self, other: &O) -> bool {
        std::ptr::eq(self.as_object(), other.as_ref())
    }
}

impl PyRef {
    /// Reinterprets as payload `T` when the layout matches; gives `self` back otherwise.
    #[inline(always)]
    pub fn downcast<T: PyPayload>(self) -> Result<PyRef<T>, PyRef> {
        if self.downcast_ref::<T>().is_some() {
            // SAFETY: layout checked.
            Ok(unsafe { PyRef::from_raw(self.into_raw()) })
        } else {
            Err(self)
        }
    }

    /// # Safety
    /// The object's layout must be `T`'s.
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T: PyPayload>(self) -> PyRef<T> {
        unsafe { PyRef::from_raw(self.into_raw()) }
    }
}

impl<T: PyPayload> Clone for PyRef<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        self.as_object().incref();
        PyRef {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: PyPayload> Drop for PyRef<T> {
    #[inline(always)]
    fn drop(&mut self) {
        let ob = self.as_object();
        let n = ob.ob_refcnt.get() - 1;
        ob.ob_refcnt.set(n);
        if n == 0 {
            // SAFETY: the count reached zero: nobody else refers to the object.
            unsafe { alloc::dealloc(self.as_ptr()) }
        }
    }
}

impl<T: PyPayload> Deref for PyRef<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a PyRef keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: PyPayload> fmt::Debug for PyRef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<{} object at {:p}>",
            self.as_object().type_().name_str(),
            self.as_ptr()
        )
    }
}

impl<T: PyPayload> AsRef<PyObject> for PyRef<T> {
    fn as_ref(&self) -> &PyObject {
        self.as_object()
    }
}

impl AsRef<PyObject> for PyObject {
    fn as_ref(&self) -> &PyObject {
        self
    }
}

/// A slot that may hold a reference (`PyObject *` that may be NULL): locals, stack, fields.
pub type Slot = Option<PyRef>;

/// Implements `PyPayload` for payload structs.
#[macro_export]
macro_rules! payload {
    ($t:ty, $layout:ident) => {
        unsafe impl $crate::object::PyPayload for $t {
            const LAYOUT: $crate::object::Layout = $crate::object::Layout::$layout;
        }
        impl AsRef<$crate::object::PyObject> for $t {
            fn as_ref(&self) -> &$crate::object::PyObject {
                self.as_object()
            }
        }
        impl $t {
            #[inline(always)]
            pub fn as_object(&self) -> &$crate::object::PyObject {
                // SAFETY: #[repr(C)] with the header first.
                unsafe { &*(self as *const Self as *const $crate::object::PyObject) }
            }
        }
    };
}

impl<T: PyPayload + fmt::Display> fmt::Display for PyRef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}
