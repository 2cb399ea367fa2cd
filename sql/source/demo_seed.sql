-- demo_seed.sql: reference rows for the demo schema (apply after demo_schema.sql).
--
-- Idempotent: ON CONFLICT DO NOTHING, so a second run inserts nothing and the CDC
-- stream sees no spurious updates. Products and customers are not here: they are
-- generated deterministically from a seed by the workload module (SeedDemo).
--
-- Provinces: the 63 provincial-level units of Việt Nam as they stood from 2008 to
-- 2024 (5 centrally-run cities + 58 provinces), with their two-digit GSO codes.
-- They were merged into 34 units in 2025; the demo keeps the long-known 63 so
-- aggregates by province have a realistic spread. Region follows the code:
-- 01–37 Miền Bắc, 38–68 Miền Trung (incl. Tây Nguyên), 70–96 Miền Nam.

insert into demo.provinces (code, name, short_name, region) values
  ('01', 'Thành phố Hà Nội',        'Hà Nội',          'Miền Bắc'),
  ('02', 'Tỉnh Hà Giang',           'Hà Giang',        'Miền Bắc'),
  ('04', 'Tỉnh Cao Bằng',           'Cao Bằng',        'Miền Bắc'),
  ('06', 'Tỉnh Bắc Kạn',            'Bắc Kạn',         'Miền Bắc'),
  ('08', 'Tỉnh Tuyên Quang',        'Tuyên Quang',     'Miền Bắc'),
  ('10', 'Tỉnh Lào Cai',            'Lào Cai',         'Miền Bắc'),
  ('11', 'Tỉnh Điện Biên',          'Điện Biên',       'Miền Bắc'),
  ('12', 'Tỉnh Lai Châu',           'Lai Châu',        'Miền Bắc'),
  ('14', 'Tỉnh Sơn La',             'Sơn La',          'Miền Bắc'),
  ('15', 'Tỉnh Yên Bái',            'Yên Bái',         'Miền Bắc'),
  ('17', 'Tỉnh Hoà Bình',           'Hoà Bình',        'Miền Bắc'),
  ('19', 'Tỉnh Thái Nguyên',        'Thái Nguyên',     'Miền Bắc'),
  ('20', 'Tỉnh Lạng Sơn',           'Lạng Sơn',        'Miền Bắc'),
  ('22', 'Tỉnh Quảng Ninh',         'Quảng Ninh',      'Miền Bắc'),
  ('24', 'Tỉnh Bắc Giang',          'Bắc Giang',       'Miền Bắc'),
  ('25', 'Tỉnh Phú Thọ',            'Phú Thọ',         'Miền Bắc'),
  ('26', 'Tỉnh Vĩnh Phúc',          'Vĩnh Phúc',       'Miền Bắc'),
  ('27', 'Tỉnh Bắc Ninh',           'Bắc Ninh',        'Miền Bắc'),
  ('30', 'Tỉnh Hải Dương',          'Hải Dương',       'Miền Bắc'),
  ('31', 'Thành phố Hải Phòng',     'Hải Phòng',       'Miền Bắc'),
  ('33', 'Tỉnh Hưng Yên',           'Hưng Yên',        'Miền Bắc'),
  ('34', 'Tỉnh Thái Bình',          'Thái Bình',       'Miền Bắc'),
  ('35', 'Tỉnh Hà Nam',             'Hà Nam',          'Miền Bắc'),
  ('36', 'Tỉnh Nam Định',           'Nam Định',        'Miền Bắc'),
  ('37', 'Tỉnh Ninh Bình',          'Ninh Bình',       'Miền Bắc'),
  ('38', 'Tỉnh Thanh Hóa',          'Thanh Hóa',       'Miền Trung'),
  ('40', 'Tỉnh Nghệ An',            'Nghệ An',         'Miền Trung'),
  ('42', 'Tỉnh Hà Tĩnh',            'Hà Tĩnh',         'Miền Trung'),
  ('44', 'Tỉnh Quảng Bình',         'Quảng Bình',      'Miền Trung'),
  ('45', 'Tỉnh Quảng Trị',          'Quảng Trị',       'Miền Trung'),
  ('46', 'Tỉnh Thừa Thiên Huế',     'Huế',             'Miền Trung'),
  ('48', 'Thành phố Đà Nẵng',       'Đà Nẵng',         'Miền Trung'),
  ('49', 'Tỉnh Quảng Nam',          'Quảng Nam',       'Miền Trung'),
  ('51', 'Tỉnh Quảng Ngãi',         'Quảng Ngãi',      'Miền Trung'),
  ('52', 'Tỉnh Bình Định',          'Bình Định',       'Miền Trung'),
  ('54', 'Tỉnh Phú Yên',            'Phú Yên',         'Miền Trung'),
  ('56', 'Tỉnh Khánh Hòa',          'Khánh Hòa',       'Miền Trung'),
  ('58', 'Tỉnh Ninh Thuận',         'Ninh Thuận',      'Miền Trung'),
  ('60', 'Tỉnh Bình Thuận',         'Bình Thuận',      'Miền Trung'),
  ('62', 'Tỉnh Kon Tum',            'Kon Tum',         'Miền Trung'),
  ('64', 'Tỉnh Gia Lai',            'Gia Lai',         'Miền Trung'),
  ('66', 'Tỉnh Đắk Lắk',            'Đắk Lắk',         'Miền Trung'),
  ('67', 'Tỉnh Đắk Nông',           'Đắk Nông',        'Miền Trung'),
  ('68', 'Tỉnh Lâm Đồng',           'Lâm Đồng',        'Miền Trung'),
  ('70', 'Tỉnh Bình Phước',         'Bình Phước',      'Miền Nam'),
  ('72', 'Tỉnh Tây Ninh',           'Tây Ninh',        'Miền Nam'),
  ('74', 'Tỉnh Bình Dương',         'Bình Dương',      'Miền Nam'),
  ('75', 'Tỉnh Đồng Nai',           'Đồng Nai',        'Miền Nam'),
  ('77', 'Tỉnh Bà Rịa - Vũng Tàu',  'Bà Rịa - Vũng Tàu', 'Miền Nam'),
  ('79', 'Thành phố Hồ Chí Minh',   'Hồ Chí Minh',     'Miền Nam'),
  ('80', 'Tỉnh Long An',            'Long An',         'Miền Nam'),
  ('82', 'Tỉnh Tiền Giang',         'Tiền Giang',      'Miền Nam'),
  ('83', 'Tỉnh Bến Tre',            'Bến Tre',         'Miền Nam'),
  ('84', 'Tỉnh Trà Vinh',           'Trà Vinh',        'Miền Nam'),
  ('86', 'Tỉnh Vĩnh Long',          'Vĩnh Long',       'Miền Nam'),
  ('87', 'Tỉnh Đồng Tháp',          'Đồng Tháp',       'Miền Nam'),
  ('89', 'Tỉnh An Giang',           'An Giang',        'Miền Nam'),
  ('91', 'Tỉnh Kiên Giang',         'Kiên Giang',      'Miền Nam'),
  ('92', 'Thành phố Cần Thơ',       'Cần Thơ',         'Miền Nam'),
  ('93', 'Tỉnh Hậu Giang',          'Hậu Giang',       'Miền Nam'),
  ('94', 'Tỉnh Sóc Trăng',          'Sóc Trăng',       'Miền Nam'),
  ('95', 'Tỉnh Bạc Liêu',           'Bạc Liêu',        'Miền Nam'),
  ('96', 'Tỉnh Cà Mau',             'Cà Mau',          'Miền Nam')
on conflict (code) do nothing;

-- Categories: the slug is the stable key the generator's product catalogue uses
-- (vietnamese_lexicon.cc); ids are fixed so Gold fixtures can name them.
insert into demo.categories (id, slug, name) values
  (1,  'do-an',               'Đồ ăn'),
  (2,  'do-uong',             'Đồ uống'),
  (3,  'thoi-trang',          'Thời trang'),
  (4,  'thu-cong-my-nghe',    'Thủ công mỹ nghệ'),
  (5,  'dac-san',             'Đặc sản vùng miền'),
  (6,  'nong-san',            'Nông sản'),
  (7,  'dien-tu',             'Điện tử'),
  (8,  'gia-dung',            'Gia dụng'),
  (9,  'my-pham',             'Mỹ phẩm'),
  (10, 'sach-van-phong-pham', 'Sách & văn phòng phẩm'),
  (11, 'me-va-be',            'Mẹ & bé'),
  (12, 'the-thao',            'Thể thao')
on conflict do nothing;

-- Explicit ids leave the identity sequence behind; move it past them so a later
-- insert without an id cannot collide. setval changes no row.
select setval(pg_get_serial_sequence('demo.categories', 'id'),
              greatest((select max(id) from demo.categories), 1));
