"""Demo product catalogue and synthetic large-catalogue generator.

Two sources of products for demos, first-run seeding, tests and benchmarks:

* :func:`load_demo_products` reads the hand-picked catalogue shipped in
  ``resources/demo/products.csv`` (about 230 everyday products of a Taiwanese
  convenience store / supermarket, Traditional Chinese shelf names, tax-inclusive
  whole-NT$ prices).  Every row is validated; a bad row raises :class:`ValueError`
  naming the line and SKU.
* :func:`generate_products` yields any number (up to 9,999,999) of synthetic but
  plausible products, deterministically for a given seed, for load and
  performance testing (e.g. a 1,000,000-item catalogue).

Barcode ranges never overlap: the demo CSV uses GS1 Taiwan company prefixes
``4710xxx`` (plus a few EAN-8 and imported UPC-A codes), while generated
products use ``4719`` followed by an 8-digit item number.  Generated SKUs are
``G`` + 7 digits; demo SKUs are one category letter + 4 digits.

Pure Python: no Qt, no SQL.  The module only describes products; inserting them
into the ledger/catalogue database is up to the caller.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources as importlib_resources

from stdnum import ean as _ean

__all__ = [
    "DEMO_CSV_HEADER",
    "GENERATED_BARCODE_PREFIX",
    "GENERATED_CATEGORIES",
    "GENERATED_BRANDS",
    "MAX_GENERATED",
    "DemoProduct",
    "load_demo_products",
    "parse_products_csv",
    "generate_products",
]

DEMO_CSV_PACKAGE = "resources.demo"
DEMO_CSV_NAME = "products.csv"
DEMO_CSV_HEADER: tuple[str, ...] = ("sku", "barcode", "name", "category", "brand", "price")

#: EAN-13 prefix of generated barcodes: GS1 Taiwan "471" + "9".  Demo CSV
#: barcodes all start with "4710" (or are EAN-8 / UPC-A), so they cannot collide.
GENERATED_BARCODE_PREFIX = "4719"
#: Largest ``n`` accepted by :func:`generate_products` (SKU is ``G`` + 7 digits).
MAX_GENERATED = 9_999_999

_SKU_RE = re.compile(r"[A-Z][0-9]{4,7}")
_PRICE_RE = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class DemoProduct:
    """One catalogue item. ``price`` is the tax-inclusive price in whole NT$."""

    sku: str
    barcode: str
    name: str
    category: str
    brand: str
    price: int


# --------------------------------------------------------------------------- CSV


def load_demo_products() -> list[DemoProduct]:
    """Load and validate the bundled demo catalogue (``resources/demo/products.csv``)."""
    text = (
        importlib_resources.files(DEMO_CSV_PACKAGE)
        .joinpath(DEMO_CSV_NAME)
        .read_text(encoding="utf-8")
    )
    return parse_products_csv(text, source=DEMO_CSV_NAME)


def parse_products_csv(text: str, *, source: str = "<csv>") -> list[DemoProduct]:
    """Parse catalogue CSV text (header ``sku,barcode,name,category,brand,price``).

    Raises :class:`ValueError` naming the offending line (and SKU when known) if
    the header is wrong, a field is empty, a barcode is not a valid EAN-8 /
    UPC-A / EAN-13 (check digit verified with ``stdnum.ean``), the price is not
    a positive whole number, or a SKU / barcode is duplicated.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ValueError(f"{source}: empty file, expected header {','.join(DEMO_CSV_HEADER)}")
    if tuple(h.strip() for h in header) != DEMO_CSV_HEADER:
        raise ValueError(
            f"{source} line 1: bad header {header!r}, expected {','.join(DEMO_CSV_HEADER)}"
        )

    products: list[DemoProduct] = []
    seen_sku: dict[str, int] = {}
    seen_barcode: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue  # tolerate blank lines
        where = f"{source} line {line}"
        if len(row) != len(DEMO_CSV_HEADER):
            raise ValueError(f"{where}: expected {len(DEMO_CSV_HEADER)} fields, got {len(row)}")
        sku, barcode, name, category, brand, price_text = (cell.strip() for cell in row)
        where = f"{where} (sku {sku!r})"
        if not _SKU_RE.fullmatch(sku):
            raise ValueError(f"{where}: invalid SKU")
        for field_name, value in (("name", name), ("category", category), ("brand", brand)):
            if not value:
                raise ValueError(f"{where}: empty {field_name}")
        if len(barcode) not in (8, 12, 13) or not barcode.isdigit() or not _ean.is_valid(barcode):
            raise ValueError(f"{where}: invalid EAN/UPC barcode {barcode!r}")
        if not _PRICE_RE.fullmatch(price_text) or int(price_text) <= 0:
            raise ValueError(f"{where}: price must be a positive whole NT$, got {price_text!r}")
        if sku in seen_sku:
            raise ValueError(f"{where}: duplicate SKU (first on line {seen_sku[sku]})")
        if barcode in seen_barcode:
            raise ValueError(
                f"{where}: duplicate barcode {barcode} (first on line {seen_barcode[barcode]})"
            )
        seen_sku[sku] = line
        seen_barcode[barcode] = line
        products.append(DemoProduct(sku, barcode, name, category, brand, int(price_text)))
    return products


# --------------------------------------------------------------------- generator

# (category, name template, variants, sizes, min price, max price, brands)
# The template gets the variant as {v} and the size as {s}; the brand is prepended.
_Family = tuple[str, str, tuple[str, ...], tuple[str, ...], int, int, tuple[str, ...]]
_FAMILIES: tuple[_Family, ...] = (
    ("飲料", "{v}綠茶 {s}", ("無糖", "微糖", "茉莉", "日式", "台式", "玄米"),
     ("300ml", "550ml", "600ml", "975ml", "1250ml"), 15, 45,
     ("統一", "黑松", "維他露", "可口可樂", "愛之味", "光泉", "金車")),
    ("飲料", "{v}紅茶 {s}", ("檸檬", "蜜香", "錫蘭", "阿薩姆", "冬瓜"),
     ("250ml", "300ml", "550ml", "600ml", "1250ml"), 10, 45,
     ("統一", "黑松", "維他露", "光泉", "愛之味", "古道")),
    ("飲料", "{v}豆漿 {s}", ("無糖", "低糖", "高纖", "黑"),
     ("250ml", "400ml", "450ml", "936ml"), 15, 69, ("統一", "光泉", "義美", "味全")),
    ("飲料", "{v}汁 {s}", ("柳橙", "蘋果", "葡萄", "芭樂", "綜合蔬果", "番茄"),
     ("250ml", "350ml", "500ml", "1000ml"), 15, 89, ("統一", "久津", "味全", "可果美", "光泉")),
    ("飲料", "{v}運動飲料 {s}", ("", "低糖", "電解質"),
     ("590ml", "900ml", "1500ml"), 25, 55, ("維他露", "金車", "黑松", "可口可樂")),
    ("乳品", "{v}鮮乳 {s}", ("全脂", "低脂", "高鈣", "無乳糖"),
     ("200ml", "290ml", "936ml", "1857ml"), 25, 199, ("光泉", "味全", "統一", "義美", "福樂")),
    ("乳品", "{v}優酪乳 {s}", ("原味", "草莓", "藍莓", "無加糖", "蘆薈"),
     ("100ml", "200ml", "440ml", "100ml x4"), 20, 99, ("光泉", "味全", "統一", "福樂", "義美")),
    ("乳品", "{v}奶粉 {s}", ("全脂", "高鈣", "低脂高鈣", "成人營養"),
     ("750g", "1.5kg", "2.1kg"), 239, 899, ("桂格", "豐力富", "味全")),
    ("零食", "{v}洋芋片 {s}", ("原味", "海苔", "烤肉", "雞汁", "酸奶洋蔥", "蚵仔煎", "黑胡椒"),
     ("34g", "43g", "85g", "150g"), 20, 99, ("華元", "樂事", "聯華食品", "乖乖")),
    ("零食", "{v}餅乾 {s}", ("蘇打", "巧克力夾心", "奶油", "檸檬夾心", "蔬菜", "黑糖"),
     ("70g", "120g", "230g", "12入"), 20, 129, ("義美", "喜年來", "旺旺", "掬水軒", "中祥")),
    ("零食", "{v}米果 {s}", ("原味", "醬燒", "海苔", "起司"),
     ("52g", "84g", "150g", "分享包 20入"), 20, 149, ("旺旺", "北田", "義美")),
    ("泡麵", "{v}牛肉麵 {s}", ("紅燒", "清燉", "麻辣", "蔥燒", "番茄"),
     ("86g", "103g", "187g", "5入"), 17, 169, ("統一", "維力", "味丹", "味王")),
    ("泡麵", "{v}乾拌麵 {s}", ("椒麻", "油蔥", "麻醬", "沙茶", "蔥油"),
     ("1入", "4入", "5入"), 25, 199, ("阿舍", "KiKi", "維力", "統一")),
    ("麵包", "{v}吐司 {s}", ("鮮奶", "全麥", "葡萄", "黑糖", "厚片"),
     ("8片", "400g", "1條"), 35, 89, ("統一", "山崎", "義美")),
    ("麵包", "{v}蛋糕 {s}", ("蜂蜜", "巧克力", "起司", "抹茶", "檸檬"),
     ("1入", "2入", "6入"), 25, 129, ("統一", "山崎", "義美")),
    ("冷凍食品", "{v}水餃 {s}", ("高麗菜豬肉", "韭菜豬肉", "玉米", "鮮蝦", "絲瓜蝦仁"),
     ("20入", "30入", "50入", "1kg"), 79, 259, ("義美", "奇美", "桂冠", "龍鳳")),
    ("冷凍食品", "{v}冰棒 {s}", ("紅豆牛奶", "芒果", "花生", "巧克力", "鳳梨"),
     ("1支", "4入", "6入"), 20, 129, ("義美", "小美", "杜老爺")),
    ("鮮食", "{v}飯糰 {s}", ("鮪魚", "肉鬆", "鮭魚", "照燒雞肉", "泡菜豬肉"),
     ("110g", "120g"), 30, 49, ("聯夏", "門市自製")),
    ("鮮食", "{v}便當 {s}", ("雞腿", "排骨", "滷肉", "咖哩雞", "燒肉"),
     ("350g", "450g", "500g"), 59, 129, ("聯夏", "門市自製")),
    ("咖啡", "{v}拿鐵 {s}", ("經典", "榛果", "焦糖", "重乳", "黑糖"),
     ("240ml", "290ml", "350ml"), 20, 65, ("金車", "統一", "味全", "黑松", "西雅圖")),
    ("咖啡", "{v}濾掛咖啡 {s}", ("曼特寧", "耶加雪菲", "綜合", "深焙", "阿里山"),
     ("10g x8入", "10g x12入", "10g x20入"), 129, 399, ("西雅圖", "金車", "伯朗")),
    ("咖啡", "{v}咖啡豆 {s}", ("曼特寧", "哥倫比亞", "綜合", "深焙義式", "耶加雪菲"),
     ("227g", "454g", "1kg"), 299, 999, ("西雅圖", "伯朗", "金車")),
    ("日用品", "{v}抽取式衛生紙 {s}", ("", "柔韌", "超質感"),
     ("100抽x6包", "100抽x8包", "110抽x12包"), 99, 299, ("舒潔", "五月花", "春風", "倍潔雅")),
    ("日用品", "{v}洗衣精 {s}", ("抗菌", "柔軟", "濃縮", "花香"),
     ("1000g", "2000g", "補充包 1.5kg"), 89, 299, ("白鴿", "花王", "妙管家", "毛寶", "南僑")),
    ("個人清潔", "{v}洗髮乳 {s}", ("去屑", "柔順", "修護", "清爽"),
     ("400ml", "520ml", "750ml"), 99, 399, ("耐斯", "花王", "茶樹莊園")),
    ("個人清潔", "{v}牙膏 {s}", ("亮白", "護齦", "薄荷", "蜂膠"),
     ("100g", "160g", "250g"), 49, 199, ("好來", "白人", "德恩奈")),
    ("文具", "中性筆 {v} {s}", ("黑", "藍", "紅"),
     ("0.38mm", "0.5mm", "0.7mm"), 10, 39, ("文明", "雄獅", "利百代")),
    ("文具", "{v}筆記本 {s}", ("B5 ", "A5 ", "方格", "橫線"),
     ("30張", "40張", "60張"), 20, 89, ("珠友", "成功", "雄獅")),
    ("調味料", "{v}醬油 {s}", ("純釀", "薄鹽", "甘醇", "黑豆"),
     ("500ml", "1000ml", "1600ml"), 49, 299, ("金蘭", "萬家香", "龜甲萬", "味全")),
    ("調味料", "{v}油 {s}", ("大豆沙拉", "葵花", "橄欖", "芥花"),
     ("1L", "2L", "2.6L"), 129, 499, ("泰山", "得意的一天", "台糖")),
    ("罐頭", "{v}肉醬 {s}", ("原味", "辣味", "香菇"),
     ("160g", "160g x3"), 25, 129, ("新東陽", "廣達香", "愛之味")),
)

#: Categories used by :func:`generate_products` (same vocabulary as the demo CSV).
GENERATED_CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(f[0] for f in _FAMILIES))
#: Brands used by :func:`generate_products`.
GENERATED_BRANDS: tuple[str, ...] = tuple(dict.fromkeys(b for f in _FAMILIES for b in f[6]))


def _nice_prices(lo: int, hi: int) -> tuple[int, ...]:
    """Shelf-style prices in [lo, hi] (ending in 0, 5 or 9), clamped to 10..999."""
    lo, hi = max(lo, 10), min(hi, 999)
    nice = tuple(p for p in range(lo, hi + 1) if p % 5 == 0 or p % 10 == 9)
    return nice or (lo,)


def _family_items(
    template: str, variants: tuple[str, ...], sizes: tuple[str, ...], lo: int, hi: int
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """(name tail, candidate prices) per variant x size; sizes are listed small to large,
    so the k-th size gets the k-th (overlapping) slice of the family's price range."""
    m = len(sizes)
    span = hi - lo
    items = []
    for v in variants:
        for k, size in enumerate(sizes):
            tail = " ".join(template.format(v=v, s=size).split())
            band_lo = lo + span * k // (m + 1)
            band_hi = lo + span * (k + 2) // (m + 1)
            items.append((tail, _nice_prices(band_lo, band_hi)))
    return tuple(items)


# Precomputed per family: (category, brands with trailing space, (name tail, prices) items).
_TABLES: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, tuple[int, ...]], ...]], ...] = tuple(
    (cat, tuple(b + " " for b in brands), _family_items(tpl, variants, sizes, lo, hi))
    for cat, tpl, variants, sizes, lo, hi, brands in _FAMILIES
)

# Weighted digit sum (weights 1,3,1,3) of every 4-digit chunk 0000..9999.
_CHUNK_WEIGHT: tuple[int, ...] = tuple(
    (x // 1000) + 3 * (x // 100 % 10) + (x // 10 % 10) + 3 * (x % 10) for x in range(10_000)
)
# EAN-13 body = "4719" + 8 digits; position weights from the left are 1,3,1,3,...
_PREFIX_WEIGHT = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(GENERATED_BARCODE_PREFIX))
assert len(GENERATED_BARCODE_PREFIX) == 4  # the chunk weights above rely on it


def generate_products(n: int, *, seed: int = 1) -> Iterator[DemoProduct]:
    """Yield ``n`` synthetic, plausible products, deterministically for ``seed``.

    * SKU: ``G`` + 7 digits (``G0000001`` ...), unique.
    * Barcode: EAN-13 ``4719`` + unique 8-digit item number + check digit.  Item
      numbers are a seed-dependent permutation of 0..99,999,999, so they are
      unique within one call and never collide with the demo CSV (``4710...``).
    * Name: brand + product word with flavour/variant + size, e.g.
      ``味全 低糖豆漿 450ml``; category and brand come from fixed lists
      (:data:`GENERATED_CATEGORIES`, :data:`GENERATED_BRANDS`).
    * Price: whole NT$ between 10 and 999.

    Cheap per item (one ``getrandbits`` call, table look-ups, an inline check
    digit), so a 1,000,000-product catalogue takes a few seconds.
    """
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"n must be an int, got {type(n).__name__}")
    if n < 0 or n > MAX_GENERATED:
        raise ValueError(f"n must be between 0 and {MAX_GENERATED}, got {n}")
    return _generate(n, seed)


def _generate(n: int, seed: int) -> Iterator[DemoProduct]:
    rng = random.Random(seed)
    modulus = 100_000_000
    # Multiplier coprime with 10**8 => i -> (mult*i + offset) % 10**8 is a bijection.
    mult = rng.randrange(10_000_000, modulus) | 1
    while mult % 5 == 0:
        mult += 2
    offset = rng.randrange(modulus)

    getrandbits = rng.getrandbits
    tables = _TABLES
    n_families = len(tables)
    chunk = _CHUNK_WEIGHT
    prefix = GENERATED_BARCODE_PREFIX
    prefix_weight = _PREFIX_WEIGHT
    make = DemoProduct

    item = offset
    for i in range(1, n + 1):
        r = getrandbits(64)
        cat, brands, items = tables[r % n_families]
        r //= n_families
        nb = len(brands)
        brand = brands[r % nb]
        r //= nb
        ni = len(items)
        tail, prices = items[r % ni]
        r //= ni
        price = prices[r % len(prices)]

        hi, lo = divmod(item, 10_000)
        check = -(prefix_weight + chunk[hi] + chunk[lo]) % 10
        yield make(
            f"G{i:07d}",
            f"{prefix}{item:08d}{check}",
            brand + tail,
            cat,
            brand[:-1],
            price,
        )
        item = (item + mult) % modulus
