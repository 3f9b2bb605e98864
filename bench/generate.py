#!/usr/bin/env python3
"""Writes a synthetic sopsite content folder for the benchmark.

    bench/generate.py SEED N OUT_DIR

Copies site.yaml, holidays.yaml and sops/SW01.md from the repository's content/, then writes N
cases, OUT_DIR/cases/SW01-<BE year>-<5-digit n>/index.md, every one valid for
`sopsite check --as-of 2026-11-27`. Everything is drawn from random.Random(SEED): the same SEED
and N give byte-identical folders. Standard library only.

Each case: SOP SW01, a Thai title and unit from lists of real-sounding university systems and
units, a contact, `opened` (a working day between 2021-01-04 and 2026-06-30, with a time) and the
SOP's steps 1-9 in order (step 3 answered yes; the step-4 event agrees due dates for the
per-scope steps 5, 6 and 7; one step-9 event). Event dates increase strictly, fall on working days
(Monday to Friday, not a holiday of holidays.yaml) and not after the as-of date. About one case in
five stops earlier (after step 4 to 8; seven in ten of those opened in 2026), and a case whose next event would fall after the as-of
date stops there, so the cases' states vary. The body is 3-6 KB of Thai and English prose
assembled from pools of sentences, with a GFM table, a task list, a fenced code block, links and
emphasis, different in every case.
"""

import datetime as dt
import os
import re
import shutil
import sys

import random

AS_OF = dt.date(2026, 11, 27)
FIRST_OPENED = dt.date(2021, 1, 4)
LAST_OPENED = dt.date(2026, 6, 30)
# holidays.yaml covers 2021-2026: a due date past it earns a warning.
LAST_DUE = dt.date(2026, 12, 30)
OFFICE_START = 8 * 60 + 30
OFFICE_END = 16 * 60 + 30
STOP_EARLY = 0.2
RECENT, STOP_EARLY_RECENT = dt.date(2026, 1, 1), 0.7

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------------------------
# Pools

SYSTEMS = [
    "ระบบจองห้องประชุมออนไลน์", "ระบบแจ้งซ่อมอาคารและครุภัณฑ์ออนไลน์", "ระบบติดตามการเบิกจ่ายงบประมาณ",
    "ระบบคลังข้อมูลผลงานวิจัยและนวัตกรรม", "ระบบยืม-คืนวัสดุและอุปกรณ์ฟาร์ม",
    "ระบบบริหารจัดการสหกิจศึกษาและฝึกประสบการณ์วิชาชีพ", "ระบบรับสมัครและคัดเลือกผู้รับทุนการศึกษา",
    "ระบบสารบรรณอิเล็กทรอนิกส์", "ระบบลาออนไลน์ของบุคลากร", "ระบบประเมินผลการปฏิบัติงานบุคลากร",
    "ระบบจองรถราชการ", "ระบบทะเบียนครุภัณฑ์และตรวจนับประจำปี", "ระบบบริหารโครงการตามแผนปฏิบัติราชการ",
    "ระบบติดตามตัวชี้วัดการประกันคุณภาพการศึกษา", "ระบบรับสมัครนักศึกษาใหม่ระดับบัณฑิตศึกษา",
    "ระบบจัดการห้องปฏิบัติการคอมพิวเตอร์", "ระบบเช็กชื่อเข้าเรียนด้วย QR Code", "ระบบกิจกรรมและชั่วโมงจิตอาสานักศึกษา",
    "ระบบประเมินความพึงพอใจการให้บริการ", "ระบบบริหารสัญญาและหลักประกันสัญญา", "ระบบจัดซื้อจัดจ้างภายในหน่วยงาน",
    "ระบบขอใช้ยานพาหนะและพนักงานขับรถ", "ระบบบันทึกเวลาปฏิบัติงานนอกเวลาราชการ", "ระบบจัดการหอพักนักศึกษา",
    "ระบบศิษย์เก่าสัมพันธ์และภาวะการมีงานทำ", "ระบบรายงานผลการดำเนินงานรายไตรมาส", "ระบบขอรับรองจริยธรรมการวิจัยในมนุษย์",
    "ระบบขอใช้ห้องสตูดิโอและอุปกรณ์ถ่ายทำ", "ระบบจัดการคลังข้อสอบออนไลน์", "ระบบติดตามการส่งเล่มวิทยานิพนธ์",
    "ระบบแจ้งปัญหาการใช้งานเครือข่ายและอินเทอร์เน็ต", "ระบบลงทะเบียนอบรมและออกเกียรติบัตรออนไลน์",
    "ระบบบริหารงานบริการวิชาการแก่สังคม", "ระบบทะเบียนสัตว์ทดลองและแปลงทดลอง", "ระบบจัดการเอกสารหลักสูตร มคอ.",
    "ระบบเบิกค่าตอบแทนวิทยากรและผู้สอนพิเศษ", "ระบบทุนพัฒนาบุคลากรและการลาศึกษาต่อ", "ระบบบันทึกการให้คำปรึกษานักศึกษา",
    "ระบบจองสนามกีฬาและศูนย์ฟิตเนส", "ระบบข้อมูลสารสนเทศเพื่อการบริหาร (MIS) ระดับคณะ",
]

UNITS = [
    "คณะวิศวกรรมศาสตร์", "คณะบริหารธุรกิจและศิลปศาสตร์", "คณะวิทยาศาสตร์และเทคโนโลยีการเกษตร",
    "คณะศิลปกรรมและสถาปัตยกรรมศาสตร์", "วิทยาลัยเทคโนโลยีและสหวิทยาการ", "สถาบันวิจัยและพัฒนา",
    "กองกลาง สำนักงานอธิการบดี", "กองนโยบายและแผน", "กองคลัง", "กองบริหารงานบุคคล", "กองพัฒนานักศึกษา",
    "กองประชาสัมพันธ์", "สำนักส่งเสริมวิชาการและงานทะเบียน", "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ",
    "สถาบันถ่ายทอดเทคโนโลยีสู่ชุมชน", "ศูนย์วิจัยและฝึกอบรมการเกษตร", "บัณฑิตวิทยาลัย",
    "มทร.ล้านนา ตาก", "มทร.ล้านนา น่าน", "มทร.ล้านนา ลำปาง", "มทร.ล้านนา พิษณุโลก", "มทร.ล้านนา เชียงราย",
    "สำนักงานตรวจสอบภายใน", "งานกิจการนักศึกษา คณะวิศวกรรมศาสตร์", "ศูนย์ภาษา",
]

FIRST_NAMES = [
    ("นาย", "สมชาย"), ("นางสาว", "สุดารัตน์"), ("นาย", "ธนพล"), ("นาง", "พรทิพย์"), ("ดร.", "กิตติศักดิ์"),
    ("นาย", "สมบัติ"), ("ผศ.", "วิไลวรรณ"), ("นางสาว", "ปิยะนุช"), ("นาย", "ประเสริฐ"), ("นาง", "อรุณี"),
    ("นาย", "ณัฐวุฒิ"), ("นางสาว", "กมลชนก"), ("อ.", "ศุภชัย"), ("นาง", "จันทร์เพ็ญ"), ("นาย", "วีรยุทธ"),
    ("นางสาว", "ชนิดา"), ("รศ.", "ปกรณ์"), ("นาย", "อนุชา"), ("นางสาว", "รัตนาภรณ์"), ("นาง", "บุษบา"),
]
LAST_NAMES = [
    "ใจงาม", "วงศ์คำ", "แก้วมณี", "ปัญญาดี", "ทองดี", "ศรีสุข", "สุวรรณรัตน์", "อินทร์แก้ว", "คำปัน", "ไชยวงศ์",
    "จันทร์ตา", "บุญเรือง", "ศรีวิชัย", "กันทะวงศ์", "ธรรมใจ", "มณีวรรณ", "พรหมมา", "ยอดเมือง",
]

MODULES = [
    "การลงทะเบียนผู้ใช้", "การอนุมัติคำขอ", "แดชบอร์ดผู้บริหาร", "รายงานประจำเดือน", "การแจ้งเตือนทางอีเมล",
    "การเชื่อมต่อ RMUTL Account", "การนำเข้าข้อมูลจาก Excel", "การส่งออก PDF", "สิทธิ์ผู้ใช้และบทบาท",
    "การสืบค้นขั้นสูง", "ปฏิทินการใช้งาน", "การแนบไฟล์เอกสาร", "การสแกน QR Code", "บันทึกประวัติการแก้ไข",
    "API สำหรับระบบอื่น", "การแจ้งเตือนผ่าน LINE",
]
MODULES_EN = [
    "user registration", "approval workflow", "executive dashboard", "monthly reports", "e-mail notifications",
    "single sign-on with RMUTL Account", "Excel import", "PDF export", "roles and permissions", "advanced search",
    "calendar view", "file attachments", "QR code scanning", "audit log", "REST API", "LINE notifications",
]
TECH = ["Laravel 10", "Laravel 11", "Django 4.2", "Node.js 20 กับ Express", "Vue 3", "React 18", "PHP 8.2",
        "PostgreSQL 15", "MariaDB 10.11", "Docker Compose", "Nginx", "Redis"]
TECH_EN = ["Laravel", "Django", "Express", "Vue", "React", "PostgreSQL", "MariaDB", "Docker", "Nginx", "Redis"]
STAFF = ["งานพัฒนาระบบสารสนเทศ", "เจ้าหน้าที่ของหน่วยงาน", "ผู้ดูแลระบบเครือข่าย", "นักวิชาการคอมพิวเตอร์",
         "ผู้ประสานงานของคณะ", "งานบริการวิชาการ"]
STATUS_CELL = ["เสร็จแล้ว", "กำลังพัฒนา", "รอทดสอบ", "รอข้อมูลจากหน่วยงาน", "ยังไม่เริ่ม", "ทดสอบผ่าน"]
LINKS = [
    ("ระบบ RMUTL Account", "https://account.rmutl.ac.th"),
    ("ศูนย์บริการ NOC", "https://noc.rmutl.ac.th"),
    ("แบบประเมินความพึงพอใจ", "https://arit.rmutl.ac.th"),
    ("เว็บไซต์มหาวิทยาลัย", "https://www.rmutl.ac.th"),
    ("Laravel documentation", "https://laravel.com/docs"),
    ("PostgreSQL manual", "https://www.postgresql.org/docs/"),
    ("พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล", "https://www.pdpc.or.th"),
    ("WCAG 2.1", "https://www.w3.org/TR/WCAG21/"),
]

THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]

# Sentences; {placeholders} are filled per use.
TH_BACKGROUND = [
    "{unit}ดำเนินงานด้านนี้ด้วยกระดาษและไฟล์ตารางคำนวณมาตลอด ทำให้ข้อมูลกระจัดกระจายและติดตามสถานะได้ยาก",
    "แต่ละเดือนมีคำขอเข้ามาประมาณ {n} รายการ และเจ้าหน้าที่ต้องตอบคำถามเรื่องสถานะทางโทรศัพท์วันละหลายครั้ง",
    "ผู้บริหารต้องการเห็นภาพรวมได้ทันที โดยไม่ต้องรอรายงานสรุปสิ้นเดือนจากเจ้าหน้าที่",
    "ข้อมูลชุดเดียวกันถูกกรอกซ้ำในหลายแบบฟอร์ม ทำให้เกิดความคลาดเคลื่อนเมื่อนำมารวมกันเพื่อรายงาน",
    "หน่วยงานจึงยื่นบันทึกข้อความขอให้พัฒนา{system} เพื่อใช้ร่วมกันทุกพื้นที่",
    "ระบบเดิมที่จัดทำโดยผู้รับจ้างภายนอกหมดสัญญาบำรุงรักษาตั้งแต่ปีงบประมาณ {be} และไม่มีเอกสารประกอบ",
    "นักศึกษาและบุคลากรกว่า {n} คนต้องใช้บริการนี้ทุกภาคการศึกษา จึงต้องรองรับการใช้งานพร้อมกันจำนวนมาก",
    "การตรวจประเมินคุณภาพการศึกษาภายในรอบที่ผ่านมาแนะนำให้ปรับปรุงกระบวนการนี้ให้ตรวจสอบย้อนหลังได้",
    "ข้อมูลบางส่วนต้องเชื่อมกับระบบบริหารงานบุคคลและระบบบริการการศึกษาที่มีอยู่แล้ว",
    "ปัจจุบันใช้ Google Form ชั่วคราว แต่ไม่สามารถกำหนดสิทธิ์การเข้าถึงข้อมูลตามบทบาทได้",
    "การส่งเอกสารระหว่างพื้นที่ใช้เวลาเฉลี่ย {d} วันทำการ ซึ่งเกินกรอบที่มหาวิทยาลัยกำหนด",
    "เจ้าหน้าที่ที่รับผิดชอบมีเพียง {d} คน จึงต้องการลดงานกรอกข้อมูลซ้ำให้มากที่สุด",
]
TH_SCOPE = [
    "{module} ตามที่ตกลงในที่ประชุม",
    "{module} โดยใช้บัญชี RMUTL Account",
    "รายงาน{module}แยกตามหน่วยงานและปีงบประมาณ",
    "{module} สำหรับผู้ดูแลระบบของหน่วยงาน",
    "ปรับปรุง{module}ให้ใช้งานบนโทรศัพท์มือถือได้",
    "เชื่อม{module}กับระบบกลางของมหาวิทยาลัย",
    "บันทึกประวัติการใช้งาน{module}เพื่อการตรวจสอบ",
]
TH_PROGRESS = [
    "ที่ประชุมครั้งที่ {d} สรุปให้แบ่งการพัฒนาเป็น {d2} ระยะ โดยระยะแรกเน้น{module}",
    "งานพัฒนาระบบสารสนเทศติดตั้งระบบทดสอบบนเครื่องแม่ข่ายเสมือนแล้ว ใช้ {tech}",
    "หน่วยงานส่งข้อมูลตัวอย่าง {n} รายการเพื่อใช้ทดสอบการนำเข้า",
    "พบปัญหาข้อมูลซ้ำในไฟล์ต้นฉบับ {d} รายการ ได้ประสานหน่วยงานให้ตรวจสอบแล้ว",
    "การทดสอบรอบที่ {d} ผ่าน {n} กรณีทดสอบจากทั้งหมด {n2} กรณี",
    "อบรมผู้ใช้งานกลุ่มแรก {d2} คน ณ ห้องปฏิบัติการคอมพิวเตอร์ของสำนักวิทยบริการฯ",
    "ปรับหน้าจอตามข้อเสนอแนะของผู้ใช้ ให้ตัวอักษรใหญ่ขึ้นและรองรับฟอนต์ Sarabun",
    "ตกลงให้สำรองฐานข้อมูลทุกคืนเวลา 02:00 น. และเก็บย้อนหลัง {d2} วัน",
    "เลื่อนการทดสอบออกไป {d} วันทำการ เนื่องจากติดช่วงสอบปลายภาค",
    "ได้รับความเห็นจากฝ่ายกฎหมายเรื่องการจัดเก็บข้อมูลส่วนบุคคลแล้ว",
]
EN_SENTENCES = [
    "The {module_en} module is built on {tech_en} and follows the office's coding guidelines.",
    "We agreed to keep the first release small and ship {module_en} before the start of the semester.",
    "The unit will nominate {d} key users who test every release before it goes to production.",
    "Data is migrated from the old spreadsheets with a one-off script; about {n} rows need manual review.",
    "Response time on the test server stays under {d}00 ms for the main pages with {n} sample records.",
    "Personal data is stored only as long as the unit needs it, in line with the PDPA.",
    "All pages must meet *WCAG 2.1 level AA*, which the office checks with an automated audit.",
    "The staging server is reset every Monday; do **not** keep real data there.",
    "Single sign-on uses the university's LDAP, so no new passwords are created.",
    "Backups run nightly and are restored once a quarter to prove that they work.",
    "Open questions are tracked in the office's issue tracker and reviewed every Friday.",
    "The requesting unit owns the content; the office owns the servers and the code.",
]
TASKS = [
    "ประชุมหารือขอบเขต", "ยืนยันรายการข้อมูลที่ต้องจัดเก็บ", "ออกแบบฐานข้อมูล", "ออกแบบหน้าจอ (mockup)",
    "พัฒนา{module}", "ทดสอบ{module}", "นำเข้าข้อมูลเดิม", "ทดสอบร่วมกับผู้ใช้", "จัดทำคู่มือการใช้งาน",
    "อบรมผู้ใช้งาน", "ย้ายขึ้นเครื่องแม่ข่ายจริง", "Review security checklist", "Write the deployment runbook",
    "Load test with {n} concurrent users",
]
CODE_BLOCKS = [
    ("sql", [
        "CREATE TABLE {table} (",
        "    id SERIAL PRIMARY KEY,",
        "    unit_code VARCHAR({d2}) NOT NULL,",
        "    created_at TIMESTAMP NOT NULL DEFAULT now(),",
        "    status SMALLINT NOT NULL DEFAULT {d}",
        ");",
        "CREATE INDEX {table}_unit_idx ON {table} (unit_code);",
    ]),
    ("yaml", [
        "app:",
        "  name: {table}",
        "  url: https://{table}.rmutl.ac.th",
        "database:",
        "  host: db{d}.arit.local",
        "  pool: {d2}",
        "backup:",
        "  schedule: \"0 2 * * *\"",
        "  keep_days: {d2}",
    ]),
    ("bash", [
        "# deploy to the staging server",
        "ssh deploy@staging{d}.arit.local 'cd /srv/{table} && git pull --ff-only'",
        "docker compose -f compose.staging.yml up -d --build",
        "docker compose exec app php artisan migrate --force",
        "curl -fsS https://staging{d}.arit.local/{table}/health",
    ]),
    ("json", [
        "{{",
        "  \"system\": \"{table}\",",
        "  \"version\": \"1.{d}.{d2}\",",
        "  \"records\": {n},",
        "  \"sso\": true",
        "}}",
    ]),
]
TABLE_WORDS = ["request", "booking", "repair", "budget", "research", "loan", "coop", "scholar", "leave", "asset",
               "project", "survey", "contract", "vehicle", "alumni", "exam", "thesis", "training"]


# ---------------------------------------------------------------------------------------------
# Dates

def load_holidays(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return {dt.date.fromisoformat(m) for m in re.findall(r"date:\s*(\d{4}-\d{2}-\d{2})", text)}


class Calendar:
    def __init__(self, holidays):
        self.holidays = holidays

    def working(self, day):
        return day.weekday() < 5 and day not in self.holidays

    def add(self, day, n):
        """The n-th working day after `day` (n >= 1)."""
        while n > 0:
            day += dt.timedelta(days=1)
            if self.working(day):
                n -= 1
        return day

    def days_between(self, first, last):
        out, day = [], first
        while day <= last:
            if self.working(day):
                out.append(day)
            day += dt.timedelta(days=1)
        return out


def hhmm(minutes):
    return "%02d:%02d" % (minutes // 60, minutes % 60)


def thai_date(day):
    return "%d %s %d" % (day.day, THAI_MONTHS[day.month - 1], day.year + 543)


# ---------------------------------------------------------------------------------------------
# Cases

BY = {1: None, 2: "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ", 3: "ผอ.สำนักวิทยบริการและเทคโนโลยีสารสนเทศ"}
ISD = "งานพัฒนาระบบสารสนเทศ"


def events_for(rng, cal, opened_day, opened_min, unit):
    """The case's events as (step, date, minutes or None, extra fields) and the step-4 dues."""
    events = []
    # Step 1: the memo is registered the same day, or the next working morning.
    t = opened_min + rng.randrange(5, 180, 5)
    day1 = opened_day
    if t >= OFFICE_END:
        day1, t = cal.add(opened_day, 1), OFFICE_START + rng.randrange(0, 90, 5)
    events.append((1, day1, t))
    # Step 2: an hour target; later the same day when there is time, else the next morning.
    t2 = t + rng.randrange(10, 120, 5)
    day2 = day1
    if t2 >= OFFICE_END:
        day2, t2 = cal.add(day1, 1), OFFICE_START + rng.randrange(0, 120, 5)
    events.append((2, day2, t2))
    day3 = cal.add(day2, rng.choice([1, 1, 2, 2, 3]))
    events.append((3, day3, None))
    day4 = cal.add(day3, rng.choice([1, 1, 2, 3]))
    events.append((4, day4, None))
    due5 = cal.add(day4, rng.randint(5, 15))
    due6 = cal.add(due5, rng.randint(20, 110))
    due7 = cal.add(due6, rng.randint(5, 15))
    dues = {5: min(due5, LAST_DUE), 6: min(due6, LAST_DUE), 7: min(due7, LAST_DUE)}
    # Steps 5-7 finish near their agreed dates: mostly on time, sometimes a little late.
    prev = day4
    for step in (5, 6, 7):
        target = dues[step]
        slip = rng.choice([-3, -2, -1, -1, 0, 0, 1, 2, 5])
        day = cal.add(target, slip) if slip > 0 else target
        for _ in range(-slip if slip < 0 else 0):
            back = day - dt.timedelta(days=1)
            while not cal.working(back):
                back -= dt.timedelta(days=1)
            day = back
        if day <= prev:
            day = cal.add(prev, rng.randint(1, 3))
        events.append((step, day, None))
        prev = day
    day8 = cal.add(prev, rng.choice([1, 2, 2, 3, 3, 4, 5]))
    events.append((8, day8, None))
    day9 = cal.add(day8, rng.randint(20, 65))
    events.append((9, day9, None))
    return events, dues


def memo(rng, unit_code, day):
    return "อว 0654.%s/%d" % (unit_code, rng.randint(10, 1999))


def event_yaml(rng, step, day, minutes, unit, unit_code, dues):
    lines = ["  - step: %d" % step]
    lines.append("    date: %s%s" % (day.isoformat(), " " + hhmm(minutes) if minutes is not None else ""))
    lines.append("    by: %s" % (unit if step == 1 else BY.get(step, ISD)))
    if step == 3:
        lines.append("    answer: yes")
    note = None
    if step == 1:
        note = "บันทึกข้อความที่ %s ลงวันที่ %s" % (memo(rng, unit_code, day), thai_date(day))
    elif step == 2 and rng.random() < 0.6:
        note = "รับเรื่องเลขรับที่ %d/%d และเสนอ ผอ.สำนักวิทยบริการฯ" % (rng.randint(1, 1500), day.year + 543)
    elif step == 3 and rng.random() < 0.5:
        note = "เห็นควร มอบงานพัฒนาระบบสารสนเทศดำเนินการ"
    elif step == 4:
        note = "บันทึกข้อความเชิญประชุมที่ %s" % memo(rng, "13", day)
    elif step == 5 and rng.random() < 0.6:
        note = "ประชุมประเมินความเป็นไปได้ สรุปขอบเขต %d โมดูล" % rng.randint(2, 8)
    elif step == 6 and rng.random() < 0.5:
        note = "พัฒนาระบบแล้วเสร็จ ติดตั้งบนเครื่องทดสอบ"
    elif step == 7 and rng.random() < 0.6:
        note = "ทดสอบร่วมกับเจ้าหน้าที่ %d คน ผ่าน %d กรณีทดสอบ" % (rng.randint(2, 12), rng.randint(10, 80))
    elif step == 8:
        note = "บันทึกข้อความส่งมอบงานที่ %s พร้อมอบรมการใช้งาน %d คน" % (memo(rng, "13", day), rng.randint(5, 40))
    elif step == 9:
        note = "ตรวจสอบการสำรองฐานข้อมูลประจำไตรมาส พื้นที่สำรองใช้ไป %d%%" % rng.randint(10, 85)
    if note:
        lines.append("    note: %s" % note)
    if step == 4:
        lines.append("    due:")
        for s in (5, 6, 7):
            lines.append("      %d: %s" % (s, dues[s].isoformat()))
    return lines


class Filler:
    """Fills a sentence's placeholders from the case's words and the RNG."""

    def __init__(self, rng, system, unit, opened):
        self.rng, self.system, self.unit, self.opened = rng, system, unit, opened

    def values(self):
        r = self.rng
        return dict(
            system=self.system, unit=self.unit, module=r.choice(MODULES), module_en=r.choice(MODULES_EN),
            tech=r.choice(TECH), tech_en=r.choice(TECH_EN), n=r.randint(40, 4800), n2=r.randint(81, 120),
            d=r.randint(2, 9), d2=r.randint(10, 60), be=self.opened.year + 543 - r.randint(1, 4),
            table=r.choice(TABLE_WORDS) + "_" + r.choice(TABLE_WORDS))

    def __call__(self, template):
        return template.format(**self.values())


def paragraph(rng, fill, pool, lo, hi, emphasis=True):
    sentences = [fill(s) for s in rng.sample(pool, rng.randint(lo, min(hi, len(pool))))]
    if emphasis and rng.random() < 0.5:
        i = rng.randrange(len(sentences))
        words = sentences[i].split(" ")
        j = rng.randrange(len(words))
        mark = rng.choice(["*", "**", "~~"])
        if words[j] and not any(c in words[j] for c in "*~[]`_"):
            words[j] = mark + words[j] + mark
        sentences[i] = " ".join(words)
    return " ".join(sentences)


def body(rng, system, unit, opened, size):
    fill = Filler(rng, system, unit, opened)
    link_text, link_url = rng.choice(LINKS)
    parts = []
    parts.append("## ความเป็นมา\n\n" + paragraph(rng, fill, TH_BACKGROUND, 3, 5))
    parts.append("## Summary\n\n" + paragraph(rng, fill, EN_SENTENCES, 3, 5)
                 + " See [%s](%s) for the details." % (link_text, link_url))
    scope = ["- " + fill(s) for s in rng.sample(TH_SCOPE, rng.randint(3, 5))]
    parts.append("## ขอบเขตที่ตกลง\n\n" + "\n".join(scope))
    rows = ["| โมดูล | ผู้รับผิดชอบ | สถานะ | Estimate (days) |", "|---|---|:---:|---:|"]
    for module in rng.sample(MODULES, rng.randint(3, 6)):
        rows.append("| %s | %s | %s | %d |" % (module, rng.choice(STAFF), rng.choice(STATUS_CELL), rng.randint(2, 40)))
    parts.append("## แผนการพัฒนา\n\n" + "\n".join(rows))
    tasks = ["- [%s] %s" % ("x" if rng.random() < 0.6 else " ", fill(t)) for t in rng.sample(TASKS, rng.randint(4, 7))]
    parts.append("## ความคืบหน้า\n\n" + "\n".join(tasks))
    lang, lines = rng.choice(CODE_BLOCKS)
    values = fill.values()  # one table name, one server for the whole block
    code = "\n".join(l.format(**values) for l in lines)
    parts.append("## Technical notes\n\n" + paragraph(rng, fill, EN_SENTENCES, 2, 3)
                 + "\n\n```" + lang + "\n" + code + "\n```")
    # More prose, in random sections, until the body reaches its size.
    extra_heads = ["## บันทึกการประชุม", "## ประเด็นที่ต้องติดตาม", "## Notes from testing", "## ข้อเสนอแนะของผู้ใช้"]
    text = "\n\n".join(parts)
    closing = ("\n\n## สถานะ\n\n" + paragraph(rng, fill, TH_PROGRESS, 1, 2, emphasis=False)
               + " ติดต่อสอบถามเพิ่มเติมได้ที่ [%s](%s) หรือ <https://arit.rmutl.ac.th>" % rng.choice(LINKS))
    # More prose, in random sections, as long as the body stays within its size.
    while True:
        more = "\n\n" + rng.choice(extra_heads) if rng.random() < 0.35 else ""
        more += "\n\n" + paragraph(rng, fill, rng.choice([TH_PROGRESS, TH_BACKGROUND, EN_SENTENCES]), 2, 4)
        if len((text + more + closing).encode("utf-8")) + 1 > size:
            break
        text += more
    text += closing
    return text + "\n"


def write_case(rng, cal, folder, number, opened_day, opened_min):
    system = rng.choice(SYSTEMS)
    unit = rng.choice(UNITS)
    unit_code = "%02d" % (UNITS.index(unit) + 1)
    title_, first = rng.choice(FIRST_NAMES)
    contact = "%s%s %s โทร. %d" % (title_, first, rng.choice(LAST_NAMES), rng.randint(1000, 3999))
    events, dues = events_for(rng, cal, opened_day, opened_min, unit)
    # Recent cases are mostly still running; older ones stopped early are overdue.
    if rng.random() < (STOP_EARLY_RECENT if opened_day >= RECENT else STOP_EARLY):
        last = rng.choice([4, 5, 6, 6, 7, 7, 8])
        events = [e for e in events if e[0] <= last]
    events = [e for e in events if e[1] <= AS_OF]
    lines = ["---", "sop: SW01", "title: " + system, "unit: " + unit, "contact: " + contact,
             "opened: %s %s" % (opened_day.isoformat(), hhmm(opened_min)), "events:"]
    for step, day, minutes in events:
        lines.extend(event_yaml(rng, step, day, minutes, unit, unit_code, dues))
    if not events:
        lines[-1] = "events: []"
    lines.append("---")
    text = "\n".join(lines) + "\n" + body(rng, system, unit, opened_day, rng.randint(3400, 6000))
    os.makedirs(folder)
    with open(os.path.join(folder, "index.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) != 4:
        sys.exit("usage: bench/generate.py SEED N OUT_DIR")
    seed, n, out = int(argv[1]), int(argv[2]), argv[3]
    if os.path.exists(out) and os.listdir(out):
        sys.exit("generate.py: %s exists and is not empty" % out)
    rng = random.Random(seed)
    content = os.path.join(REPO, "content")
    os.makedirs(os.path.join(out, "sops"), exist_ok=True)
    for name in ("site.yaml", "holidays.yaml", os.path.join("sops", "SW01.md")):
        shutil.copyfile(os.path.join(content, name), os.path.join(out, name))
    cal = Calendar(load_holidays(os.path.join(content, "holidays.yaml")))
    days = cal.days_between(FIRST_OPENED, LAST_OPENED)
    openings = sorted((rng.choice(days), OFFICE_START + rng.randrange(0, OFFICE_END - OFFICE_START - 30, 5))
                      for _ in range(n))
    per_year = {}
    for day, minutes in openings:
        be = day.year + 543
        per_year[be] = per_year.get(be, 0) + 1
        folder = os.path.join(out, "cases", "SW01-%d-%05d" % (be, per_year[be]))
        write_case(rng, cal, folder, per_year[be], day, minutes)


if __name__ == "__main__":
    main(sys.argv)
