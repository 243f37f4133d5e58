# Type stubs for the seloste package (the C++ module seloste._core plus __init__.py).
import datetime
import os
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, MutableMapping, NamedTuple, Optional, Sequence,
                    SupportsIndex, TypeVar, Union, overload)

__version__: str
LANGS: tuple[str, str, str]

PathLike = Union[str, os.PathLike[str]]
TextLike = Union["Text", str, Mapping[str, Optional[str]]]
DateLike = Union[datetime.date, str]

_T = TypeVar("_T")

class _List(Sequence[_T]):
    """A list of model values that changes its Source in place."""
    def __init__(self, items: Iterable[Any] = ...) -> None: ...
    @overload
    def __getitem__(self, i: SupportsIndex) -> _T: ...
    @overload
    def __getitem__(self, s: slice) -> "_List[_T]": ...
    def __setitem__(self, i: SupportsIndex, value: Any) -> None: ...
    def __delitem__(self, i: Union[SupportsIndex, slice]) -> None: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T]: ...
    def append(self, value: Any) -> None: ...
    def extend(self, values: Iterable[Any]) -> None: ...
    def insert(self, i: SupportsIndex, value: Any) -> None: ...
    def pop(self, i: SupportsIndex = ...) -> _T: ...
    def clear(self) -> None: ...

class SelosteError(Exception):
    location: Optional[Location]
    file: Optional[str]
    line: int
    column: int

class SourceError(SelosteError):
    diagnostics: Sequence[Diagnostic]

class TemplateError(SelosteError): ...
class FileError(SelosteError): ...
class LocaleError(SelosteError): ...

class Location:
    file: str
    line: int
    column: int
    def __init__(self, file: str = "", line: int = 0, column: int = 0) -> None: ...

class Diagnostic:
    @property
    def location(self) -> Location: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def message(self) -> str: ...

class Text:
    neutral: str
    fi: Optional[str]
    sv: Optional[str]
    en: Optional[str]
    location: Location
    @overload
    def __init__(self, *, fi: Optional[str] = None, sv: Optional[str] = None, en: Optional[str] = None) -> None: ...
    @overload
    def __init__(self, value: str) -> None: ...
    @overload
    def __init__(self, by_lang: Mapping[str, Optional[str]]) -> None: ...
    def get(self, lang: str) -> Optional[str]: ...
    def has(self, lang: str) -> bool: ...
    @property
    def empty(self) -> bool: ...
    def to_dict(self) -> Dict[str, str]: ...
    def copy(self) -> Text: ...
    def __bool__(self) -> bool: ...

class _Value:
    def copy(self: _T) -> _T: ...
    def __copy__(self: _T) -> _T: ...
    def __deepcopy__(self: _T, memo: dict) -> _T: ...

class Address(_Value):
    street: Text
    postal_code: str
    town: Text
    country: str
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, street: TextLike = ..., postal_code: str = ...,
                 town: TextLike = ..., country: str = ...) -> None: ...

AddressLike = Union[Address, Mapping[str, Any]]

class Organisation(_Value):
    id: str
    name: Text
    business_id: str
    vat_number: str
    visiting_address: Optional[Address]
    postal_address: Optional[Address]
    phone: str
    email: str
    web: str
    note: Text
    location: Location
    business_id_location: Location
    vat_number_location: Location
    phone_location: Location
    email_location: Location
    web_location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, id: str = ..., name: TextLike = ..., business_id: str = ...,
                 vat_number: str = ..., visiting_address: Optional[AddressLike] = ...,
                 postal_address: Optional[AddressLike] = ..., phone: str = ..., email: str = ..., web: str = ...,
                 note: TextLike = ...) -> None: ...

class Person(_Value):
    id: str
    name: Text
    title: Text
    organisation: str
    email: str
    phone: str
    web: str
    visiting_address: Optional[Address]
    postal_address: Optional[Address]
    location: Location
    phone_location: Location
    email_location: Location
    web_location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, id: str = ..., name: TextLike = ..., title: TextLike = ...,
                 organisation: str = ..., email: str = ..., phone: str = ..., web: str = ...,
                 visiting_address: Optional[AddressLike] = ..., postal_address: Optional[AddressLike] = ...) -> None: ...

class ContactPoint(_Value):
    id: str
    name: Text
    email: str
    phone: str
    web: str
    request_form: str
    visiting_address: Optional[Address]
    postal_address: Optional[Address]
    location: Location
    email_location: Location
    phone_location: Location
    web_location: Location
    request_form_location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, id: str = ..., name: TextLike = ..., email: str = ...,
                 phone: str = ..., web: str = ..., request_form: str = ...,
                 visiting_address: Optional[AddressLike] = ..., postal_address: Optional[AddressLike] = ...) -> None: ...

class Ref:
    id: str
    processing: Text
    location: Location
    def __init__(self, id: str, processing: TextLike = ...) -> None: ...

RefLike = Union[Ref, str]

class Item(_Value):
    value: Text
    from_data_subject: bool
    id: str
    publicly_accessible: bool
    subjects: List[str]
    subjects_location: Location
    location: Location
    @overload
    def __init__(self, value: TextLike, from_data_subject: bool = False) -> None: ...
    @overload
    def __init__(self, fields: Mapping[str, Any] = ..., *, value: TextLike = ..., from_data_subject: bool = ...) -> None: ...

class Purpose(_Value):
    basis: Optional[str]
    description: Text
    interest: Text
    direct_marketing: bool
    subjects: List[str]
    subjects_location: Location
    block: str
    location: Location
    @property
    def article(self) -> str: ...
    def __init__(self, fields: Mapping[str, Any] = ..., *, basis: Optional[str] = ..., description: TextLike = ...,
                 interest: TextLike = ..., direct_marketing: bool = ..., subjects: Union[List[str], str] = ...,
                 block: str = ...) -> None: ...

class DataCategory(_Value):
    id: str
    name: Text
    description: Text
    special: str
    condition: Optional[str]
    legal_ground: Text
    subjects: List[str]
    subjects_location: Location
    block: str
    location: Location
    @property
    def condition_article(self) -> str: ...
    def __init__(self, fields: Mapping[str, Any] = ..., *, id: str = ..., name: TextLike = ...,
                 description: TextLike = ..., special: str = ..., condition: Optional[str] = ...,
                 legal_ground: TextLike = ..., subjects: Union[List[str], str] = ..., block: str = ...) -> None: ...

class Transfer(_Value):
    country: str
    safeguard: Optional[str]
    description: Text
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Transfers(_Value):
    none: bool
    description: Text
    safeguards_copy: Text
    items: _List[Transfer]
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Duration(_Value):
    years: int
    months: int
    days: int
    def __init__(self, fields: Mapping[str, Any] = ..., *, years: int = ..., months: int = ..., days: int = ...) -> None: ...

class RetentionRule(_Value):
    category: str
    period: Optional[Duration]
    criteria: Text
    description: Text
    subjects: List[str]
    subjects_location: Location
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Requirement(_Value):
    kind: str
    consequence: Text
    description: Text
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class AutomatedDecisions(_Value):
    used: bool
    description: Text
    logic: Text
    significance: Text
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Security(_Value):
    manual: Text
    electronic: Text
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Analytics(_Value):
    name: str
    opt_out_url: str
    description: Text
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Cookies(_Value):
    description: Text
    collected: _List[Item]
    refusal: Text
    analytics: _List[Analytics]
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class Rights(_Value):
    exercise: Text
    note: Text
    request_form: str
    request_form_location: Location
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...

class RelatedLink(_Value):
    href: str
    label: Text
    location: Location
    href_location: Location
    @overload
    def __init__(self, href: str, label: TextLike) -> None: ...
    @overload
    def __init__(self, fields: Mapping[str, Any] = ..., *, href: str = ..., label: TextLike = ...) -> None: ...

class BlockRefs(MutableMapping[str, str]):
    def __getitem__(self, key: str) -> str: ...
    def __setitem__(self, key: str, value: str) -> None: ...
    def __delitem__(self, key: str) -> None: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...

class Change(_Value):
    date: Optional[datetime.date]
    description: Text
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, date: DateLike = ..., description: TextLike = ...) -> None: ...

class Register(_Value):
    id: str
    name: Text
    description: Text
    controllers: _List[Ref]
    relation: Optional[str]
    relation_location: Location
    group_companies: _List[Ref]
    joint_arrangement: Text
    representative: Optional[Ref]
    dpo: Optional[Ref]
    contacts: _List[Ref]
    purposes: _List[Purpose]
    data_subjects: _List[Item]
    data_categories: _List[DataCategory]
    recipients: _List[Item]
    processors: _List[Item]
    disclosures: _List[Item]
    transfers: Optional[Transfers]
    sources: _List[Item]
    retention: _List[RetentionRule]
    requirement: Optional[Requirement]
    automated_decisions: Optional[AutomatedDecisions]
    security: Optional[Security]
    cookies: Optional[Cookies]
    rights: Optional[Rights]
    further_processing: Text
    related: _List[RelatedLink]
    block_refs: BlockRefs
    notice_date: Optional[datetime.date]
    history: _List[Change]
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., **kw: Any) -> None: ...
    def has_basis(self, basis: str) -> bool: ...

class Block(_Value):
    kind: str
    id: str
    content: Register
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, kind: str = ..., id: str = ...,
                 content: Union[Register, Mapping[str, Any]] = ...) -> None: ...

class Words(_Value):
    lang: Optional[str]
    words: List[str]
    location: Location
    def __init__(self, fields: Mapping[str, Any] = ..., *, lang: Optional[str] = ..., words: List[str] = ...) -> None: ...

class Source:
    file: str
    organisations: _List[Organisation]
    people: _List[Person]
    registers: _List[Register]
    words: _List[Words]
    contact_points: _List[ContactPoint]
    blocks: _List[Block]
    supervisory_authority: Optional[Organisation]
    def __init__(self, *, organisations: Iterable[Union[Organisation, Mapping[str, Any]]] = ...,
                 people: Iterable[Union[Person, Mapping[str, Any]]] = ...,
                 registers: Iterable[Union[Register, Mapping[str, Any]]] = ...,
                 words: Iterable[Union[Words, Mapping[str, Any]]] = ..., file: str = "",
                 contact_points: Iterable[Union[ContactPoint, Mapping[str, Any]]] = ...,
                 blocks: Iterable[Union[Block, Mapping[str, Any]]] = ...,
                 supervisory_authority: Optional[Union[Organisation, Mapping[str, Any]]] = ...) -> None: ...
    def organisation(self, id: str) -> Organisation: ...
    def person(self, id: str) -> Person: ...
    def contact_point(self, id: str) -> ContactPoint: ...
    def block(self, id: str) -> Block: ...
    def register(self, id: str) -> Register: ...
    def add_organisation(self, organisation: Union[Organisation, Mapping[str, Any]]) -> Organisation: ...
    def add_person(self, person: Union[Person, Mapping[str, Any]]) -> Person: ...
    def add_contact_point(self, contact_point: Union[ContactPoint, Mapping[str, Any]]) -> ContactPoint: ...
    def add_register(self, register: Union[Register, Mapping[str, Any]]) -> Register: ...
    def apply_blocks(self, id: str = "") -> None: ...
    def to_xml(self) -> str: ...
    def save(self, path: PathLike) -> None: ...
    def copy(self) -> Source: ...
    def __copy__(self) -> Source: ...
    def __deepcopy__(self, memo: dict) -> Source: ...
    def check(self, langs: Union[str, Iterable[str]] = ..., spelling: bool = True, today: Optional[DateLike] = None,
              register: Optional[str] = None) -> List[Finding]: ...
    def render(self, register: Union[str, Register], lang: str = "fi", *, theme: Union[str, Theme, PathLike] = ...,
               fragment: bool = ..., heading_base: int = ..., stylesheet_href: str = ...,
               alternates: Optional[Mapping[str, str]] = ..., index_href: str = ...) -> str: ...

class Finding:
    @property
    def rule(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def article(self) -> Optional[str]: ...
    @property
    def register(self) -> Optional[str]: ...
    @property
    def location(self) -> Location: ...
    @property
    def file(self) -> Optional[str]: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def is_error(self) -> bool: ...
    def message(self, lang: str = "en") -> str: ...
    def format(self, lang: str = "en") -> str: ...

class DiffChange:
    @property
    def register(self) -> Optional[str]: ...
    @property
    def section(self) -> str: ...
    @property
    def op(self) -> str: ...
    @property
    def field(self) -> Optional[str]: ...
    @property
    def key(self) -> Optional[str]: ...
    @property
    def old_location(self) -> Optional[Location]: ...
    @property
    def new_location(self) -> Optional[Location]: ...
    def item(self, lang: str = "en") -> str: ...
    def before(self, lang: str = "en") -> str: ...
    def after(self, lang: str = "en") -> str: ...
    def words(self, lang: str = "en") -> str: ...
    def text(self, lang: str = "en") -> str: ...

class Diff:
    @property
    def old_file(self) -> str: ...
    @property
    def new_file(self) -> str: ...
    @property
    def changes(self) -> List[DiffChange]: ...
    def __len__(self) -> int: ...
    def __bool__(self) -> bool: ...
    def __iter__(self) -> Iterator[DiffChange]: ...
    def __getitem__(self, index: int) -> DiffChange: ...
    def text(self, lang: str = "en") -> str: ...
    def to_json(self) -> str: ...

class Theme:
    def __init__(self, name_or_dir: Union[str, PathLike]) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def stylesheet(self) -> str: ...
    @property
    def stylesheet_name(self) -> str: ...

class ThemeInfo:
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def origin(self) -> str: ...
    @property
    def extends(self) -> str: ...

class WrittenFile:
    @property
    def path(self) -> str: ...
    @property
    def register(self) -> Optional[str]: ...
    @property
    def lang(self) -> Optional[str]: ...
    @property
    def unchanged(self) -> bool: ...

class RenderResult:
    @property
    def written(self) -> List[WrittenFile]: ...
    findings: List[Finding]
    @property
    def refused(self) -> List[str]: ...

class BuildResult:
    @property
    def changed(self) -> bool: ...
    @property
    def refused(self) -> bool: ...
    @property
    def pages(self) -> int: ...
    @property
    def files(self) -> int: ...
    @property
    def versions(self) -> int: ...
    @property
    def warnings(self) -> List[str]: ...
    findings: List[Finding]
    @property
    def out_dir(self) -> str: ...

class RenderJob(NamedTuple):
    source: Source
    register: Union[str, Register]
    lang: str = "fi"
    theme: Union[str, Theme] = "default"
    fragment: bool = False
    heading_base: int = 0
    stylesheet_href: str = ""
    alternates: Optional[Mapping[str, str]] = None
    index_href: str = ""

SourceLike = Union[Source, PathLike]

def load(path: PathLike) -> Source: ...
def loads(xml: Union[str, bytes], name: str = "<string>") -> Source: ...
def check(source: Source, langs: Union[str, Iterable[str]] = ..., spelling: bool = True,
          today: Optional[DateLike] = None, register: Optional[str] = None) -> List[Finding]: ...
def check_file(path: PathLike, langs: Union[str, Iterable[str]] = ..., spelling: bool = True,
               today: Optional[DateLike] = None) -> List[Finding]: ...
def findings_to_json(findings: List[Finding]) -> str: ...
def diff(old: Union[Source, PathLike], new: Union[Source, PathLike]) -> Diff: ...
def word_diff(before: str, after: str) -> str: ...
def has_errors(findings: List[Finding], strict: bool = False) -> bool: ...
def render(source: Source, register: Union[str, Register], lang: str = "fi", theme: Union[str, Theme, PathLike] = "default",
           fragment: bool = False, heading_base: int = 0, stylesheet_href: str = "",
           alternates: Optional[Mapping[str, str]] = None, index_href: str = "") -> str: ...
def render_batch(jobs: Iterable[Union[RenderJob, Sequence[Any]]], workers: Optional[int] = None) -> List[str]: ...
def render_to(out_dir: PathLike, sources: Union[SourceLike, Iterable[SourceLike]], langs: Union[str, Iterable[str]] = ...,
              theme: Union[str, PathLike] = "default", fragment: bool = False, heading_base: int = 0,
              allow_incomplete: bool = False, spelling: bool = False) -> RenderResult: ...
def build_site(sources: Union[SourceLike, Iterable[SourceLike]], out_dir: PathLike, langs: Union[str, Iterable[str]] = ...,
               themes: Union[str, Iterable[str]] = ..., sign_key: Optional[PathLike] = None,
               allow_incomplete: bool = False, base_url: str = "", spelling: bool = False,
               history: Optional[PathLike] = None) -> BuildResult: ...
def themes() -> List[ThemeInfo]: ...
def generate_keypair(key_file: PathLike) -> None: ...
def verify_bundle(dir: PathLike, public_key: Optional[PathLike] = None) -> List[str]: ...
