//! The bit syntax's pieces, shared by the parser, the checker, the
//! compiler and the export: a segment of `<<...>>` as written
//! ([`Segment`]), and its type specifiers resolved the way OTP 25's
//! `erl_bits:set_bit_type/2` resolves them ([`resolve`]).
//!
//! A segment is `Value:Size/Specifiers`, the size and the specifiers
//! optional: `<<X:16/little-signed, Rest/binary>>`. The specifiers are
//! kept as written (the export prints them back as they were typed, as
//! erlfmt does); the compiler asks [`resolve`] for what they mean: the
//! segment's type (`integer` unless told, `binary` for `bytes`, `bits`
//! and `bitstring`), its unit (1 for integers and floats, 8 for binaries,
//! 1 for bitstrings), signedness, endianness, and whether a size is
//! implied (8 for an integer, 64 for a float, the whole rest for a
//! binary, none for `utf8`/`utf16`/`utf32`). The errors are `erl_lint`'s,
//! word for word: `bit type foo undefined`, `conflict in endianness
//! specification for bit field: 'big' and 'little'`, ...

use super::ast::{Expr, Pos};

/// One segment of a binary expression (`T` is [`Expr`]) or pattern
/// (`T` is [`Pattern`](super::ast::Pattern)): `Value:Size/Specifiers`.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment<T> {
    pub value: T,
    /// `:Size`: any expression in a binary expression, a guard
    /// expression of variables bound before the pattern (or by earlier
    /// segments of the same binary) in a pattern.
    pub size: Option<Expr>,
    /// `/integer-little-unit:8`, in the order written.
    pub specs: Vec<Spec>,
    pub pos: Pos,
}

/// A type specifier as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spec {
    Integer,
    Float,
    Binary,
    Bytes,
    Bitstring,
    Bits,
    Utf8,
    Utf16,
    Utf32,
    Signed,
    Unsigned,
    Big,
    Little,
    Native,
    /// `unit:N`, 1 to 256.
    Unit(u16),
}

impl Spec {
    /// The specifier named `name` (`unit` is read with its number).
    pub fn named(name: &str) -> Option<Spec> {
        Some(match name {
            "integer" => Spec::Integer,
            "float" => Spec::Float,
            "binary" => Spec::Binary,
            "bytes" => Spec::Bytes,
            "bitstring" => Spec::Bitstring,
            "bits" => Spec::Bits,
            "utf8" => Spec::Utf8,
            "utf16" => Spec::Utf16,
            "utf32" => Spec::Utf32,
            "signed" => Spec::Signed,
            "unsigned" => Spec::Unsigned,
            "big" => Spec::Big,
            "little" => Spec::Little,
            "native" => Spec::Native,
            _ => return None,
        })
    }

    /// As written in Erlang: `integer`, `unit:8`.
    pub fn text(self) -> String {
        match self {
            Spec::Integer => "integer".into(),
            Spec::Float => "float".into(),
            Spec::Binary => "binary".into(),
            Spec::Bytes => "bytes".into(),
            Spec::Bitstring => "bitstring".into(),
            Spec::Bits => "bits".into(),
            Spec::Utf8 => "utf8".into(),
            Spec::Utf16 => "utf16".into(),
            Spec::Utf32 => "utf32".into(),
            Spec::Signed => "signed".into(),
            Spec::Unsigned => "unsigned".into(),
            Spec::Big => "big".into(),
            Spec::Little => "little".into(),
            Spec::Native => "native".into(),
            Spec::Unit(n) => format!("unit:{n}"),
        }
    }
}

/// The specifiers a segment may have, for hints.
pub const SPEC_NAMES: &str = "integer, float, binary, bytes, bits, bitstring, utf8, utf16, utf32, \
     signed, unsigned, big, little, native, unit:N";

/// What a segment holds, once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SegType {
    Integer,
    Float,
    /// `binary`, `bytes`, `bits` and `bitstring`: a bitstring, its size
    /// counted in units.
    Binary,
    Utf8,
    Utf16,
    Utf32,
}

impl SegType {
    /// The type's name in OTP's error causes (`{1, integer, type, a}`).
    pub fn name(self) -> &'static str {
        match self {
            SegType::Integer => "integer",
            SegType::Float => "float",
            SegType::Binary => "binary",
            SegType::Utf8 => "utf8",
            SegType::Utf16 => "utf16",
            SegType::Utf32 => "utf32",
        }
    }

    pub fn is_utf(self) -> bool {
        matches!(self, SegType::Utf8 | SegType::Utf16 | SegType::Utf32)
    }
}

/// A segment's meaning: `erl_bits`'s `#bittype{}` with the defaults
/// applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Resolved {
    pub ty: SegType,
    /// Bits per unit of size (1 to 256).
    pub unit: u32,
    pub signed: bool,
    /// Little-endian (`little`, or `native` on a little-endian machine,
    /// as the BEAM decides `native` when it loads the code).
    pub little: bool,
    /// The size when none is written: `Some(8)` for an integer, `Some(64)`
    /// for a float, `None` for a binary (the whole value, or in a pattern
    /// the whole rest) and for the utf types (their own length).
    pub default_size: Option<u32>,
}

impl Resolved {
    /// Whether a segment of this type without a size takes the whole
    /// value (in a pattern, everything left): a binary's.
    pub fn takes_all(&self, has_size: bool) -> bool {
        !has_size && self.ty == SegType::Binary
    }
}

/// Why specifiers do not make a segment type, in `erl_lint`'s words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    pub message: String,
    pub hint: String,
    /// The specifier the error is about (an index into the list), if it
    /// is one of them rather than the segment as a whole.
    pub at: Option<usize>,
}

/// The fields of `erl_bits`'s `#bittype{}` while specifiers are merged.
#[derive(Default)]
struct Partial {
    ty: Option<(SegType, &'static str)>,
    unit: Option<u32>,
    signed: Option<bool>,
    endian: Option<&'static str>,
}

/// Resolves the specifiers of a segment as `erl_bits:set_bit_type/2`:
/// each specifier merged into the ones before it (two that disagree are a
/// conflict), then the defaults applied. `has_size`: whether `:Size` is
/// written.
pub fn resolve(specs: &[Spec], has_size: bool) -> Result<Resolved, SpecError> {
    let mut p = Partial::default();
    for (i, spec) in specs.iter().enumerate() {
        let conflict = |what: &str, new: String, old: String| SpecError {
            message: format!("conflict in {what} specification for bit field: '{new}' and '{old}'"),
            hint: format!("give each segment one {what}"),
            at: Some(i),
        };
        // `bytes` and `bits` are `binary` with a unit (erl_bits's
        // `type_to_record`): the unit can conflict too.
        let (ty, unit) = match spec {
            Spec::Integer => (Some((SegType::Integer, "integer")), None),
            Spec::Float => (Some((SegType::Float, "float")), None),
            Spec::Binary => (Some((SegType::Binary, "binary")), None),
            Spec::Bytes => (Some((SegType::Binary, "binary")), Some(8)),
            Spec::Bitstring | Spec::Bits => (Some((SegType::Binary, "binary")), Some(1)),
            Spec::Utf8 => (Some((SegType::Utf8, "utf8")), None),
            Spec::Utf16 => (Some((SegType::Utf16, "utf16")), None),
            Spec::Utf32 => (Some((SegType::Utf32, "utf32")), None),
            Spec::Unit(n) => (None, Some(u32::from(*n))),
            _ => (None, None),
        };
        let (signed, endian) = match spec {
            Spec::Signed => (Some(true), None),
            Spec::Unsigned => (Some(false), None),
            Spec::Big => (None, Some("big")),
            Spec::Little => (None, Some("little")),
            Spec::Native => (None, Some("native")),
            _ => (None, None),
        };
        // erl_bits merges endianness, sign, type, unit, in that order.
        if let Some(new) = endian {
            match p.endian {
                Some(old) if old != new => {
                    return Err(conflict("endianness", new.into(), old.into()));
                }
                _ => p.endian = Some(new),
            }
        }
        if let Some(new) = signed {
            let name = |s: bool| if s { "signed" } else { "unsigned" }.to_string();
            match p.signed {
                Some(old) if old != new => return Err(conflict("sign", name(new), name(old))),
                _ => p.signed = Some(new),
            }
        }
        if let Some(new) = ty {
            match p.ty {
                Some(old) if old.0 != new.0 => {
                    return Err(conflict("type", new.1.into(), old.1.into()));
                }
                _ => p.ty = Some(new),
            }
        }
        if let Some(new) = unit {
            match p.unit {
                Some(old) if old != new => {
                    return Err(conflict("unit", new.to_string(), old.to_string()));
                }
                _ => p.unit = Some(new),
            }
        }
    }
    let ty = p.ty.map_or(SegType::Integer, |t| t.0);
    let little = matches!(p.endian, Some("little"))
        || (matches!(p.endian, Some("native")) && cfg!(target_endian = "little"));
    let signed = p.signed.unwrap_or(false);
    let unit_without_size = || SpecError {
        message: "a bit unit size must not be specified unless a size is specified too".into(),
        hint: "write the size too, e.g. `X:2/unit:8`".into(),
        at: None,
    };
    let (unit, default_size) = match ty {
        SegType::Integer | SegType::Float => {
            if !has_size && p.unit.is_some() {
                return Err(unit_without_size());
            }
            let default = if ty == SegType::Integer { 8 } else { 64 };
            (p.unit.unwrap_or(1), Some(default))
        }
        SegType::Binary => (p.unit.unwrap_or(8), None),
        SegType::Utf8 | SegType::Utf16 | SegType::Utf32 => {
            if has_size || p.unit.is_some() {
                return Err(SpecError {
                    message:
                        "neither size nor unit must be given for segments of type utf8/utf16/utf32"
                            .into(),
                    hint: "a utf segment takes as many bytes as its character needs: `C/utf8`"
                        .into(),
                    at: None,
                });
            }
            (1, None)
        }
    };
    Ok(Resolved {
        ty,
        unit,
        signed,
        little,
        default_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(specs: &[Spec], size: bool) -> Result<Resolved, String> {
        resolve(specs, size).map_err(|e| e.message)
    }

    #[test]
    fn defaults_are_erl_bits() {
        let int = r(&[], false).unwrap();
        assert_eq!(
            (int.ty, int.unit, int.signed, int.little, int.default_size),
            (SegType::Integer, 1, false, false, Some(8))
        );
        let float = r(&[Spec::Float, Spec::Little], false).unwrap();
        assert_eq!(
            (float.ty, float.little, float.default_size),
            (SegType::Float, true, Some(64))
        );
        let bin = r(&[Spec::Binary], false).unwrap();
        assert_eq!(
            (bin.ty, bin.unit, bin.default_size),
            (SegType::Binary, 8, None)
        );
        assert!(bin.takes_all(false) && !bin.takes_all(true));
        assert_eq!(r(&[Spec::Bits], false).unwrap().unit, 1);
        assert_eq!(r(&[Spec::Bytes], true).unwrap().unit, 8);
        assert_eq!(
            r(&[Spec::Binary, Spec::Unit(4)], true).unwrap().unit,
            4,
            "binary takes another unit"
        );
        assert_eq!(r(&[Spec::Unit(16)], true).unwrap().unit, 16);
        assert!(r(&[Spec::Signed], false).unwrap().signed);
        assert_eq!(
            r(&[Spec::Native], false).unwrap().little,
            cfg!(target_endian = "little")
        );
        assert_eq!(
            r(&[Spec::Utf16, Spec::Little], false).unwrap().ty,
            SegType::Utf16
        );
    }

    #[test]
    fn errors_are_erl_lints() {
        assert_eq!(
            r(&[Spec::Little, Spec::Big], true).unwrap_err(),
            "conflict in endianness specification for bit field: 'big' and 'little'"
        );
        assert_eq!(
            r(&[Spec::Signed, Spec::Unsigned], true).unwrap_err(),
            "conflict in sign specification for bit field: 'unsigned' and 'signed'"
        );
        assert_eq!(
            r(&[Spec::Integer, Spec::Binary], true).unwrap_err(),
            "conflict in type specification for bit field: 'binary' and 'integer'"
        );
        assert_eq!(
            r(&[Spec::Unit(8), Spec::Unit(4)], true).unwrap_err(),
            "conflict in unit specification for bit field: '4' and '8'"
        );
        assert_eq!(
            r(&[Spec::Bits, Spec::Unit(8)], true).unwrap_err(),
            "conflict in unit specification for bit field: '8' and '1'"
        );
        assert_eq!(
            r(&[Spec::Bits, Spec::Bytes], true).unwrap_err(),
            "conflict in unit specification for bit field: '8' and '1'"
        );
        assert_eq!(
            r(&[Spec::Utf8], true).unwrap_err(),
            "neither size nor unit must be given for segments of type utf8/utf16/utf32"
        );
        assert_eq!(
            r(&[Spec::Integer, Spec::Unit(4)], false).unwrap_err(),
            "a bit unit size must not be specified unless a size is specified too"
        );
        assert!(r(&[Spec::Binary, Spec::Unit(8)], false).is_ok());
        assert_eq!(
            resolve(&[Spec::Little, Spec::Big], true).unwrap_err().at,
            Some(1)
        );
    }

    #[test]
    fn every_specifier_reads_back_as_written() {
        for name in SPEC_NAMES.split(", ").filter(|n| *n != "unit:N") {
            assert_eq!(Spec::named(name).unwrap().text(), name);
        }
        assert_eq!(Spec::Unit(8).text(), "unit:8");
    }
}
