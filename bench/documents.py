"""Real central documents the synthetic articles cite, with their titles in the four corpus languages.

Codes, dates and types follow the registry of central documents (13th Central
Committee); they are copied here so the corpus does not change when the
registry grows. Local documents (programmes, plans, letters) are invented per
article by :mod:`bench.scenario`.
"""

from __future__ import annotations

from dataclasses import dataclass

CENTRAL_COMMITTEE = "Central Committee of the Communist Party of Vietnam"
POLITBURO = "Politburo"
MINISTRY = "Ministry of Public Security"
GOVERNMENT = "Government of Vietnam"


@dataclass(frozen=True)
class CentralDocument:
    code: str
    type: str
    date: str
    issuer: str
    titles: dict[str, str]  # keyed by language: en, vi, km, th


RESOLUTIONS: tuple[CentralDocument, ...] = (
    CentralDocument("21-NQ/TW", "resolution", "2022-06-16", CENTRAL_COMMITTEE, {
        "en": "on strengthening and consolidating grassroots party organisations and improving the quality of "
              "party members in the new period",
        "vi": "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong "
              "giai đoạn mới",
        "km": "ស្តីពីការពង្រឹង និងកសាងអង្គការចាត់តាំងមូលដ្ឋានបក្ស និងលើកកម្ពស់គុណភាពកងជួរបក្ខជនក្នុងដំណាក់កាលថ្មី",
        "th": "ว่าด้วยการเสริมสร้างและรวบรวมองค์กรพรรคระดับรากหญ้าและการพัฒนาคุณภาพของสมาชิกพรรคในช่วงใหม่",
    }),
    CentralDocument("27-NQ/TW", "resolution", "2022-11-09", CENTRAL_COMMITTEE, {
        "en": "on continuing to build and perfect the socialist rule-of-law state of Viet Nam in the new period",
        "vi": "về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
        "km": "ស្តីពីការបន្តកសាង និងធ្វើឱ្យរដ្ឋនីតិរដ្ឋសង្គមនិយមវៀតណាមកាន់តែល្អឥតខ្ចោះក្នុងដំណាក់កាលថ្មី",
        "th": "ว่าด้วยการสร้างและพัฒนารัฐนิติธรรมสังคมนิยมเวียดนามอย่างต่อเนื่องในช่วงใหม่",
    }),
    CentralDocument("29-NQ/TW", "resolution", "2022-11-17", CENTRAL_COMMITTEE, {
        "en": "on continuing to promote national industrialisation and modernisation to 2030, with a vision to 2045",
        "vi": "về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước đến năm 2030, tầm nhìn đến năm 2045",
        "km": "ស្តីពីការបន្តជំរុញឧស្សាហូបនីយកម្ម និងទំនើបកម្មប្រទេសជាតិ ចក្ខុវិស័យដល់ឆ្នាំ ២០៤៥",
        "th": "ว่าด้วยการส่งเสริมอุตสาหกรรมและความทันสมัยของประเทศอย่างต่อเนื่องจนถึงปี 2030",
    }),
    CentralDocument("45-NQ/TW", "resolution", "2023-11-24", CENTRAL_COMMITTEE, {
        "en": "on continuing to build and promote the role of the contingent of intellectuals in the new period",
        "vi": "về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức trong giai đoạn mới",
        "km": "ស្តីពីការបន្តកសាង និងលើកតម្កើងតួនាទីរបស់កងជួរបញ្ញវន្តក្នុងដំណាក់កាលថ្មី",
        "th": "ว่าด้วยการสร้างและส่งเสริมบทบาทของปัญญาชนอย่างต่อเนื่องในช่วงใหม่",
    }),
    CentralDocument("57-NQ/TW", "resolution", "2024-12-22", POLITBURO, {
        "en": "on breakthroughs in science, technology, innovation and national digital transformation",
        "vi": "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "km": "ស្តីពីការអភិវឌ្ឍវិទ្យាសាស្ត្រ បច្ចេកវិទ្យា នវានុវត្តន៍ និងការផ្លាស់ប្តូរឌីជីថលជាតិ",
        "th": "ว่าด้วยการพัฒนาก้าวกระโดดด้านวิทยาศาสตร์ เทคโนโลยี นวัตกรรม และการเปลี่ยนผ่านสู่ดิจิทัลของประเทศ",
    }),
    CentralDocument("68-NQ/TW", "resolution", "2025-05-04", POLITBURO, {
        "en": "on private economic development",
        "vi": "về phát triển kinh tế tư nhân",
        "km": "ស្តីពីការអភិវឌ្ឍសេដ្ឋកិច្ចឯកជន",
        "th": "ว่าด้วยการพัฒนาเศรษฐกิจภาคเอกชน",
    }),
    CentralDocument("35-CT/TW", "directive", "2024-06-14", POLITBURO, {
        "en": "on party congresses at all levels towards the 14th National Congress of the Party",
        "vi": "về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "km": "ស្តីពីមហាសន្និបាតបក្សគ្រប់លំដាប់ថ្នាក់ឆ្ពោះទៅមហាសន្និបាតតំណាងទូទាំងប្រទេសលើកទី ១៤",
        "th": "ว่าด้วยการประชุมสมัชชาพรรคทุกระดับสู่การประชุมสมัชชาใหญ่ผู้แทนทั่วประเทศครั้งที่ 14",
    }),
)

CONCLUSION = CentralDocument("21-KL/TW", "conclusion", "2021-10-25", CENTRAL_COMMITTEE, {
    "en": "on promoting party building and rectification and the political system",
    "vi": "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "km": "ស្តីពីការលើកកម្ពស់ការកសាង និងកែតម្រូវបក្ស និងប្រព័ន្ធនយោបាយ",
    "th": "ว่าด้วยการส่งเสริมการสร้างและแก้ไขพรรคและระบบการเมือง",
})

POLICE_PROJECT_TITLE = {
    "en": "on building a clean, strong, regular, elite and modern People's Public Security force",
    "vi": "về xây dựng lực lượng Công an nhân dân thật sự trong sạch, vững mạnh, chính quy, tinh nhuệ, hiện đại",
    "km": "ស្តីពីការកសាងកម្លាំងនគរបាលប្រជាជនស្អាតស្អំ រឹងមាំ ទៀងទាត់ និងទំនើប",
    "th": "ว่าด้วยการสร้างกำลังตำรวจประชาชนที่โปร่งใส เข้มแข็ง และทันสมัย",
}

DECREE_TITLES: tuple[dict[str, str], ...] = (
    {"en": "on commune-level officials and part-time workers", "vi": "quy định về cán bộ, công chức cấp xã",
     "km": "ស្តីពីមន្ត្រីថ្នាក់ឃុំ", "th": "ว่าด้วยเจ้าหน้าที่ระดับตำบล"},
    {"en": "on the organisation of specialised agencies of people's committees",
     "vi": "quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân",
     "km": "ស្តីពីការរៀបចំស្ថាប័នជំនាញនៃគណៈកម្មាធិការប្រជាជន", "th": "ว่าด้วยการจัดองค์กรหน่วยงานเฉพาะทางของคณะกรรมการประชาชน"},
    {"en": "on digital transformation of public services", "vi": "về chuyển đổi số dịch vụ công",
     "km": "ស្តីពីការផ្លាស់ប្តូរឌីជីថលនៃសេវាសាធារណៈ", "th": "ว่าด้วยการเปลี่ยนผ่านสู่ดิจิทัลของบริการสาธารณะ"},
)

EVENT_TOPICS: tuple[dict[str, str], ...] = (
    {"en": "Keeping the party member oath", "vi": "Giữ trọn lời thề đảng viên",
     "km": "រក្សាពាក្យសច្ចាប្រណិធានរបស់សមាជិកបក្ស", "th": "รักษาคำปฏิญาณของสมาชิกพรรค"},
    {"en": "Studying and following Ho Chi Minh's ideology, ethics and style",
     "vi": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "km": "សិក្សា និងធ្វើតាមសតិអារម្មណ៍ សីលធម៌ ឥរិយាបថហូជីមិញ", "th": "ศึกษาและปฏิบัติตามอุดมการณ์ คุณธรรม และวิถีของโฮจิมินห์"},
    {"en": "Party members set an example in digital transformation", "vi": "Đảng viên gương mẫu chuyển đổi số",
     "km": "សមាជិកបក្សជាគំរូក្នុងការផ្លាស់ប្តូរឌីជីថល", "th": "สมาชิกพรรคเป็นแบบอย่างในการเปลี่ยนผ่านสู่ดิจิทัล"},
    {"en": "Self-criticism and criticism for a clean and strong party cell",
     "vi": "Tự phê bình và phê bình vì chi bộ trong sạch, vững mạnh",
     "km": "រិះគន់ខ្លួនឯង និងរិះគន់ ដើម្បីកោសិកាបក្សស្អាតស្អំ និងរឹងមាំ",
     "th": "การวิจารณ์ตนเองและการวิจารณ์เพื่อหน่วยพรรคที่โปร่งใสและเข้มแข็ง"},
)
