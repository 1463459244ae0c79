"""Real Vietnamese places for the synthetic corpus: provinces (pre-July-2025) with their districts.

Why a list of our own rather than the project's gazetteer: the corpus must stay
the same while the gazetteer evolves (a changed corpus would make throughput
figures from different runs incomparable), and the generator needs only a
sample, not every unit. Khmer and Thai spellings are the phonetic renderings
used by Khmer- and Thai-language news; district and lower names appear in Latin
script in those texts, as in the seed articles.

Communes and villages are drawn from pools of common real Vietnamese names;
the generator pairs them with districts, so a pairing is plausible rather than
a real unit (the benchmark measures scale, not geography).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def fold(text: str) -> str:
    """ASCII-fold a Vietnamese name the way the gold format writes names ("Đắk Lắk" → "Dak Lak")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class District:
    """A district-level unit: ``kind`` is district (huyện), town (thị xã) or city (thành phố)."""

    vi: str
    kind: str = "district"

    @property
    def ascii(self) -> str:
        return fold(self.vi)


@dataclass(frozen=True)
class Province:
    vi: str
    km: str
    th: str
    districts: tuple[District, ...]

    @property
    def ascii(self) -> str:
        return fold(self.vi)


def _d(*names: str) -> tuple[District, ...]:
    """Districts from names; a ``city:``/``town:`` prefix gives the kind."""
    out = []
    for name in names:
        kind, _, vi = name.rpartition(":")
        out.append(District(vi, kind or "district"))
    return tuple(out)


PROVINCES: tuple[Province, ...] = (
    Province("Hà Tĩnh", "ហាទីញ", "ห่าติ๋ญ", _d("city:Hà Tĩnh", "town:Hồng Lĩnh", "town:Kỳ Anh", "Cẩm Xuyên",
                                             "Thạch Hà", "Can Lộc", "Đức Thọ", "Hương Sơn", "Nghi Xuân")),
    Province("Quảng Ninh", "ក្វាងនិញ", "กว๋างนิญ", _d("city:Hạ Long", "city:Uông Bí", "city:Cẩm Phả", "city:Móng Cái",
                                                  "town:Quảng Yên", "Tiên Yên", "Vân Đồn", "Hải Hà", "Đầm Hà")),
    Province("Trà Vinh", "ត្រាវិញ", "จ่าวิญ", _d("city:Trà Vinh", "town:Duyên Hải", "Càng Long", "Cầu Kè", "Tiểu Cần",
                                             "Châu Thành", "Cầu Ngang", "Trà Cú")),
    Province("Hải Dương", "ហៃយឿង", "ไห่เซือง", _d("city:Hải Dương", "city:Chí Linh", "town:Kinh Môn", "Nam Sách",
                                                "Thanh Hà", "Cẩm Giàng", "Gia Lộc", "Kim Thành", "Tứ Kỳ")),
    Province("Sóc Trăng", "សុកត្រាំង", "ซ้อกจัง", _d("city:Sóc Trăng", "town:Vĩnh Châu", "town:Ngã Năm", "Kế Sách",
                                                 "Mỹ Tú", "Trần Đề", "Long Phú", "Mỹ Xuyên")),
    Province("An Giang", "អានយ៉ាង", "อานซาง", _d("city:Long Xuyên", "city:Châu Đốc", "town:Tân Châu", "town:Tịnh Biên",
                                             "Tri Tôn", "Chợ Mới", "Phú Tân", "Châu Phú")),
    Province("Kiên Giang", "កៀនយ៉ាង", "เกียนซาง", _d("city:Rạch Giá", "city:Hà Tiên", "Kiên Lương", "Hòn Đất",
                                                 "Giồng Riềng", "Gò Quao", "An Biên")),
    Province("Bạc Liêu", "ពលលាវ", "บักเลียว", _d("city:Bạc Liêu", "town:Giá Rai", "Hồng Dân", "Phước Long",
                                             "Vĩnh Lợi", "Đông Hải")),
    Province("Cà Mau", "កាម៉ៅ", "ก่าเมา", _d("city:Cà Mau", "Thới Bình", "U Minh", "Trần Văn Thời", "Cái Nước",
                                        "Đầm Dơi", "Năm Căn")),
    Province("Vĩnh Long", "វិញឡុង", "หวิญล็อง", _d("city:Vĩnh Long", "town:Bình Minh", "Long Hồ", "Mang Thít",
                                               "Vũng Liêm", "Tam Bình", "Trà Ôn")),
    Province("Bến Tre", "បេនត្រែ", "เบ๊นแจ", _d("city:Bến Tre", "Chợ Lách", "Mỏ Cày Nam", "Giồng Trôm", "Bình Đại",
                                            "Ba Tri", "Thạnh Phú")),
    Province("Đồng Tháp", "ដុងថាប", "ด่งท้าป", _d("city:Cao Lãnh", "city:Sa Đéc", "city:Hồng Ngự", "Tân Hồng",
                                               "Tam Nông", "Thanh Bình", "Lấp Vò", "Lai Vung")),
    Province("Long An", "ឡុងអាន", "ล็องอาน", _d("city:Tân An", "town:Kiến Tường", "Bến Lức", "Đức Hòa", "Cần Giuộc",
                                             "Cần Đước", "Thủ Thừa")),
    Province("Tây Ninh", "តៃនិញ", "เต็ยนิญ", _d("city:Tây Ninh", "town:Hòa Thành", "town:Trảng Bàng", "Gò Dầu",
                                            "Dương Minh Châu", "Tân Biên")),
    Province("Nghệ An", "ង៉េអាន", "เหงะอาน", _d("city:Vinh", "town:Cửa Lò", "town:Thái Hòa", "town:Hoàng Mai",
                                             "Nghi Lộc", "Diễn Châu", "Quỳnh Lưu", "Nam Đàn", "Đô Lương")),
    Province("Thanh Hóa", "ថាញ់ហ័រ", "แทงฮว้า", _d("city:Thanh Hóa", "city:Sầm Sơn", "town:Bỉm Sơn", "town:Nghi Sơn",
                                               "Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Thọ Xuân", "Triệu Sơn")),
    Province("Quảng Bình", "ក្វាងប៊ិញ", "กว๋างบิ่ญ", _d("city:Đồng Hới", "town:Ba Đồn", "Bố Trạch", "Lệ Thủy",
                                                    "Quảng Trạch", "Tuyên Hóa", "Minh Hóa")),
    Province("Quảng Trị", "ក្វាងទ្រី", "กว๋างจิ", _d("city:Đông Hà", "Vĩnh Linh", "Gio Linh", "Cam Lộ", "Triệu Phong",
                                                "Hải Lăng", "Hướng Hóa")),
    Province("Quảng Nam", "ក្វាងណាម", "กว๋างนาม", _d("city:Tam Kỳ", "city:Hội An", "town:Điện Bàn", "Đại Lộc",
                                                  "Duy Xuyên", "Thăng Bình", "Núi Thành", "Quế Sơn")),
    Province("Bình Định", "ប៊ិញឌិញ", "บิ่ญดิ่ญ", _d("city:Quy Nhơn", "town:An Nhơn", "town:Hoài Nhơn", "Phù Cát",
                                               "Phù Mỹ", "Tuy Phước", "Tây Sơn")),
    Province("Khánh Hòa", "ខាញ់ហ័រ", "คั้ญฮหว่า", _d("city:Nha Trang", "city:Cam Ranh", "town:Ninh Hòa", "Vạn Ninh",
                                                 "Diên Khánh", "Cam Lâm", "Khánh Vĩnh")),
    Province("Lâm Đồng", "ឡាំដុង", "เลิมด่ง", _d("city:Đà Lạt", "city:Bảo Lộc", "Đức Trọng", "Di Linh", "Lâm Hà",
                                             "Đơn Dương")),
    Province("Đắk Lắk", "ដាក់ឡាក់", "ดั๊กลัก", _d("city:Buôn Ma Thuột", "town:Buôn Hồ", "Krông Pắc", "Ea Kar",
                                               "Krông Năng", "Ea H'leo")),
    Province("Gia Lai", "យ៉ាឡាយ", "ซาลาย", _d("city:Pleiku", "town:An Khê", "town:Ayun Pa", "Chư Sê", "Chư Păh",
                                          "Đức Cơ", "Ia Grai", "Mang Yang")),
    Province("Bình Dương", "ប៊ិញយឿង", "บิ่ญเซือง", _d("city:Thủ Dầu Một", "city:Dĩ An", "city:Thuận An", "city:Bến Cát",
                                                  "Bàu Bàng", "Phú Giáo", "Dầu Tiếng")),
    Province("Đồng Nai", "ដុងណៃ", "ด่งนาย", _d("city:Biên Hòa", "city:Long Khánh", "Long Thành", "Nhơn Trạch",
                                          "Trảng Bom", "Thống Nhất", "Xuân Lộc", "Định Quán")),
    Province("Thái Nguyên", "ថៃង្វៀន", "ท้ายเงวียน", _d("city:Thái Nguyên", "city:Sông Công", "city:Phổ Yên", "Đại Từ",
                                                    "Định Hóa", "Phú Lương", "Đồng Hỷ", "Võ Nhai")),
    Province("Lào Cai", "ឡាវកាយ", "ลาวกาย", _d("city:Lào Cai", "town:Sa Pa", "Bát Xát", "Bảo Thắng", "Bảo Yên",
                                           "Văn Bàn", "Bắc Hà", "Mường Khương")),
    Province("Nam Định", "ណាមឌិញ", "นามดิ่ญ", _d("city:Nam Định", "Mỹ Lộc", "Vụ Bản", "Ý Yên", "Nghĩa Hưng",
                                              "Nam Trực", "Trực Ninh", "Giao Thủy", "Hải Hậu")),
    Province("Thái Bình", "ថៃប៊ិញ", "ท้ายบิ่ญ", _d("city:Thái Bình", "Quỳnh Phụ", "Hưng Hà", "Đông Hưng", "Thái Thụy",
                                              "Tiền Hải", "Kiến Xương", "Vũ Thư")),
)

COMMUNES: tuple[str, ...] = (
    "Tân Lập", "Hòa Bình", "Phú Hòa", "An Thạnh", "Long Hiệp", "Thanh Mỹ", "Vĩnh Kim", "Phước Hưng", "Tân Hiệp",
    "Bình Phú", "Đông Hòa", "Tây Hòa", "Nam Hải", "Xuân Lâm", "Hưng Đạo", "Quang Trung", "Lê Lợi", "Trần Phú",
    "Minh Khai", "Hồng Phong", "Cẩm Vĩnh", "Cẩm Thạch", "Kỳ Phong", "Thạch Long", "Hòa Lợi", "Long Đức", "Đại Phúc",
    "Hiệp Mỹ", "Ngũ Lạc", "Mỹ Long", "Tân Sơn", "Yên Thọ", "Phương Nam", "Đức Chính", "Nghĩa Lộ", "Thành Công",
    "Vĩnh Hòa", "Vĩnh Thuận", "An Phú", "Phú Lộc", "Tân Phước", "Hòa Thuận", "Mỹ Hòa", "Thới An", "Lương Hòa",
    "Đại An", "Kim Sơn", "Hải Thanh", "Quảng Lợi", "Cát Tiên",
)
WARDS: tuple[str, ...] = (
    "Bắc Sơn", "Nam Khê", "Quang Hanh", "Hồng Hà", "Trưng Vương", "Yết Kiêu", "Thanh Sơn", "Phương Đông",
    "Bạch Đằng", "Hoàng Văn Thụ", "Lê Hồng Phong", "Nguyễn Trãi", "Tân Thịnh", "Cẩm Đông", "Hà Khánh", "Đông Xuyên",
)
VILLAGES: tuple[str, ...] = (
    "Tân Lập", "Đông Thành", "Phú Thạnh", "Bình An", "Hòa Hiệp", "Trung Hậu", "Xuân Đài", "Thượng Phúc", "Hạ Long Môn",
    "Mỹ Thuận", "An Hòa", "Phước Lợi", "Tân Thành", "Đồng Tâm", "Quyết Thắng", "Thống Nhất", "Sơn Thủy", "Cầu Đá",
    "Bến Đò", "Giồng Lớn", "Cây Me", "Rạch Sen", "Trà Sết", "Sóc Ruộng",
)

FAMILY_NAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Thạch", "Lâm", "Đinh", "Trịnh", "Mai", "Tô", "Châu", "Kim",
)
MIDDLE_NAMES: tuple[str, ...] = (
    "Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Công", "Ngọc", "Xuân", "Hoài", "Bá", "Anh", "Kim", "Tấn",
)
GIVEN_NAMES: tuple[str, ...] = (
    "Hùng", "Dũng", "Cường", "Thắng", "Hiếu", "Bình", "Lan", "Hoa", "Tuấn", "Nam", "Sơn", "Hải", "Long", "Phong",
    "Quang", "Trung", "Thành", "Hương", "Mai", "Tâm", "Vinh", "Khoa", "Phúc", "Lộc", "Tài", "Nghĩa", "Thủy", "Yến",
    "Đạt", "Hòa", "Khánh", "Linh", "Sang", "Toàn", "Tú", "Việt",
)
