"""Vietnamese articles, with diacritics and the short committee names of party media (Tỉnh ủy, Huyện ủy, ...)."""

from __future__ import annotations

from bench.corpus_text import Renderer


class Vietnamese(Renderer):
    lang = "vi"
    code_prefix = "số"
    doc_types = {"resolution": "Nghị quyết", "conclusion": "Kết luận", "programme": "Chương trình hành động",
                 "plan": "Kế hoạch", "directive": "Chỉ thị", "project": "Đề án", "other": "Nghị định",
                 "official_letter": "Công văn", "decision": "Quyết định"}
    templates = {
        "lead": (
            "Sáng {lead_date}, {prov} tổ chức hội nghị sơ kết việc thực hiện {res} của {central} {res_title}. "
            "Đồng chí {prov_sec}, Bí thư {prov}, chủ trì hội nghị; dự hội nghị có đồng chí {prov_dep}, Phó Bí thư "
            "{prov}, Chủ tịch {ppc}.",
            "{lead_date_cap}, {prov} tổ chức hội nghị đánh giá {years} năm triển khai {res} của {central} "
            "{res_title}. Đồng chí {prov_sec}, Bí thư {prov} chủ trì; đồng chí {prov_dep}, Phó Bí thư {prov}, "
            "Chủ tịch {ppc} cùng dự.",
        ),
        "programme": (
            "Ngay sau khi {central} ban hành {res} {res_date}, {prov} đã ban hành {prog} {prog_date} về thực hiện "
            "{res} của Ban Chấp hành Trung ương Đảng khóa {term}.",
            "Để thực hiện {res}, {prov} ban hành {prog} {prog_date}, đề ra {n} nhóm nhiệm vụ, giải pháp cho tỉnh {P}.",
        ),
        "district": (
            "Thực hiện {prog} của {prov}, {district} (trực thuộc {prov}) đã ban hành {dplan} {dplan_date}, giao chỉ "
            "tiêu cụ thể cho từng tổ chức cơ sở đảng.",
            "Là đảng bộ trực thuộc {prov}, {district} ban hành {dplan} {dplan_date} để triển khai {prog}.",
        ),
        "stats": (
            "Hiện nay, {district} có {cells} tổ chức cơ sở đảng với {members} đảng viên; năm {year} kết nạp "
            "{new_members} đảng viên mới.",
            "Với {members} đảng viên sinh hoạt tại {cells} tổ chức cơ sở đảng, {district} có {percent}% tổ chức đảng "
            "được xếp loại hoàn thành tốt nhiệm vụ.",
        ),
        "commune": (
            "{commune} (trực thuộc {district}) đã ban hành {cplan} để thực hiện {dplan}; {commune_cells} chi bộ "
            "trực thuộc đều đăng ký chỉ tiêu cụ thể.",
            "Triển khai {dplan} của {district}, {commune} ban hành {cplan}, phân công mỗi cấp ủy viên phụ trách một "
            "trong {commune_cells} chi bộ trực thuộc.",
        ),
        "cell_event": (
            "Trong {cell_month}, {cell} thuộc {commune} tổ chức sinh hoạt chuyên đề “{topic}”. Mỗi đảng viên tự kiểm "
            "điểm việc thực hiện lời hứa khi vào Đảng.",
            "{cell} ({commune}) tổ chức sinh hoạt chuyên đề “{topic}” vào {cell_month}, với phần chiếu phim tư liệu "
            "và phần tự kiểm điểm thẳng thắn của từng đảng viên.",
        ),
        "quote_district": ("Đồng chí {dist_sec}, Bí thư {district} cho biết: “{quote}”",
                           "“{quote}”, đồng chí {dist_sec}, Bí thư {district} nói."),
        "quote_commune": ("Theo đồng chí {comm_sec}, Bí thư {commune}, “{quote}”",),
        "quote_cell": ("Đồng chí {cell_sec}, Bí thư {cell} chia sẻ: “{quote}”",),
        "ppc_person": (
            "Đồng chí {prov_dep}, Phó Bí thư {prov}, Chủ tịch {ppc} đề nghị các sở, ngành, địa phương tiếp tục "
            "gắn công tác xây dựng Đảng với phát triển kinh tế - xã hội.",
        ),
        "conclusion": (
            "Cùng với {prog_code}, {district} tập trung thực hiện {concl} {concl_date} của {concl_issuer} "
            "{concl_title}.",
        ),
        "police": (
            "{police} đã triển khai {da} của {ministry} {da_title}. Đồng chí {police_dir}, Giám đốc {police} "
            "khẳng định: “{quote}”",
        ),
        "decree": ("{ppc} ban hành {kh} {kh_date} để triển khai {decree} của {government} {decree_title}.",),
        "source": ("Nguồn: DOMAIN",),
    }
    quotes = (
        "Mỗi đảng viên phải thật sự gương mẫu, đi đầu trong thực hiện nhiệm vụ chính trị ở cơ sở.",
        "Chúng tôi luôn đổi mới nội dung, phương thức sinh hoạt chi bộ để đảng viên thấy thiết thực.",
        "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh là nhiệm vụ quan trọng, thường xuyên, lâu dài.",
        "Buổi sinh hoạt rất thiết thực, mỗi cán bộ, đảng viên đều thẳng thắn tự phê bình để tiến bộ.",
        "Chỉ tiêu của chương trình rất cao nhưng toàn đảng bộ quyết tâm hoàn thành.",
    )
    parts = {
        "subj": ("Cấp ủy các cấp", "Các tổ chức cơ sở đảng trong tỉnh {P}", "Các chi bộ khu dân cư",
                 "Ban thường vụ các huyện ủy, thành ủy", "Cán bộ, đảng viên", "Mặt trận Tổ quốc và các đoàn thể",
                 "Bí thư đảng ủy các xã, phường", "Ủy ban kiểm tra các cấp"),
        "act": ("đã quan tâm", "đã tập trung", "tiếp tục đẩy mạnh", "đã nỗ lực", "đã thực hiện nghiêm",
                "đã đổi mới cách làm trong", "thường xuyên rà soát", "đã tăng cường"),
        "goal": ("nâng cao chất lượng sinh hoạt chi bộ định kỳ", "công tác giáo dục chính trị, tư tưởng",
                 "công tác phát triển đảng viên, kết nạp {n} đảng viên trong quý", "kiểm tra, giám sát đảng viên",
                 "chuyển đổi số trong công tác đảng", "phòng, chống tham nhũng, lãng phí, tiêu cực",
                 "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                 "phát huy dân chủ ở cơ sở, củng cố niềm tin của nhân dân", "bồi dưỡng {n} cán bộ cơ sở",
                 "đánh giá, xếp loại tổ chức đảng hằng năm, với {percent}% hoàn thành tốt nhiệm vụ"),
    }
    filler = (
        "{subj} {act} {goal}.", "{subj} {act} {goal}, đồng thời {act} {goal}.", "Năm {year}, {subj_l} {act} {goal}.",
        "Bên cạnh đó, {subj_l} {act} {goal}.", "Nhờ vậy, {subj_l} {act} {goal} và đạt kết quả rõ nét.",
        "Công tác xây dựng Đảng ở tỉnh {P} những năm qua có nhiều chuyển biến tích cực.",
        "Nội dung sinh hoạt thiết thực giúp đảng viên nhận rõ vai trò của mình ở địa phương.",
        "Nhiều khó khăn, vướng mắc ở cơ sở được giải quyết kịp thời.",
        "Tuy nhiên, ở một số nơi sinh hoạt chi bộ còn hình thức, nội dung còn trùng lặp.",
        "Các ý kiến thẳng thắn phân tích nguyên nhân hạn chế và đề xuất giải pháp cụ thể.",
    )
    boilerplate = ("Bình luận (0)", "Tin liên quan")

    def slot(self, key: str) -> str:
        if key == "subj_l":
            text = self.slot("subj")
            return text if text.startswith(("Mặt", "Bí", "Ủy", "Ban")) else text[0].lower() + text[1:]
        if key == "lead_date_cap":
            text = self.date(self.s.events["lead"].date)
            return text[0].upper() + text[1:]
        return super().slot(key)

    def date(self, iso: str) -> str:
        parts = [int(x) for x in iso.split("-")]
        y = parts[0]
        if len(parts) == 3:
            d, m = parts[2], parts[1]
            return self.rng.choice((f"ngày {d}/{m}/{y}", f"ngày {d} tháng {m} năm {y}"))
        if len(parts) == 2:
            return self.rng.choice((f"tháng {parts[1]}/{y}", f"tháng {parts[1]} năm {y}"))
        return f"năm {y}"

    def place(self, which: str) -> str:
        s = self.s
        return {"P": s.province.vi, "D": s.district.vi, "C": s.commune_vi, "V": s.cell_vi}[which]

    def person(self, key: str) -> str:
        return self.s.people[key].vi

    def org(self, key: str) -> str:
        o, s = self.s.orgs[key], self.s
        p, d, c = s.province.vi, s.district.vi, s.commune_vi
        forms = {
            "central": ("Ban Chấp hành Trung ương Đảng", "Trung ương Đảng"),
            "politburo": ("Bộ Chính trị",),
            "prov_pc": (f"Tỉnh ủy {p}", f"Ban Chấp hành Đảng bộ tỉnh {p}"),
            "district_pc": ({"district": f"Huyện ủy {d}", "town": f"Thị ủy {d}", "city": f"Thành ủy {d}"}
                            [s.district.kind],),
            "commune_pc": (f"Đảng ủy {'phường' if s.is_ward else 'xã'} {c}",),
            "cell": {"village": (f"Chi bộ thôn {s.cell_vi}",), "group": (f"Chi bộ Tổ dân phố số {s.cell_vi}",),
                     "school": (f"Chi bộ Trường Tiểu học {c}",)}[s.cell_kind],
            "school": (f"Trường Tiểu học {c}",),
            "ppc": (f"UBND tỉnh {p}", f"Ủy ban nhân dân tỉnh {p}"),
            "police": (f"Công an tỉnh {p}",),
            "ministry": ("Bộ Công an",),
            "government": ("Chính phủ",),
        }[o.shape]
        return self.rng.choice(forms)

    def join_ref(self, word: str, prefix: str, code: str) -> str:
        return f"{word} {prefix} {code}" if prefix else f"{word} {code}"


RENDERER = Vietnamese
