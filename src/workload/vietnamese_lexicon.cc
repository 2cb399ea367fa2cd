#include "workload/vietnamese_lexicon.h"

namespace lakehouse::workload {
namespace {

// Weights approximate the share of each family name in the population (per mille).
constexpr WeightedName kFamilyNames[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95},   {"Phạm", 70},   {"Hoàng", 51},
    {"Huỳnh", 51},   {"Phan", 45},  {"Vũ", 39},   {"Võ", 39},     {"Đặng", 21},
    {"Bùi", 20},     {"Đỗ", 14},    {"Hồ", 13},   {"Ngô", 13},    {"Dương", 10},
    {"Lý", 5},       {"Đinh", 5},   {"Trương", 5}, {"Lâm", 4},    {"Mai", 4},
    {"Trịnh", 3},    {"Đoàn", 3},   {"Cao", 3},   {"Lương", 3},   {"Tạ", 2},
    {"Hà", 2},       {"Tôn", 1},    {"Quách", 1}, {"Châu", 1},    {"La", 1},
};

constexpr const char* kMaleMiddle[] = {"Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành",
                                       "Xuân", "Ngọc", "Gia", "Tuấn", "Hoàng", "Đình", "Quốc"};
constexpr const char* kFemaleMiddle[] = {"Thị", "Ngọc", "Thu", "Thanh", "Thùy", "Phương", "Mai",
                                         "Bảo", "Diệu", "Kim", "Khánh", "Hồng", "Minh", "Như"};
constexpr const char* kMaleGiven[] = {
    "An",   "Bảo",  "Cường", "Dũng",  "Đạt",  "Đức",  "Hải",  "Hiếu", "Hoàng", "Huy",
    "Hùng", "Khang", "Khánh", "Khoa", "Kiên", "Long", "Lộc",  "Minh", "Nam",   "Nghĩa",
    "Phát", "Phúc", "Quân",  "Quang", "Sơn",  "Tài",  "Thắng", "Thành", "Thịnh", "Trí",
    "Trung", "Tuấn", "Việt", "Vinh",  "Vũ",   "Toàn", "Tùng", "Duy",  "Hưng",  "Nhân"};
constexpr const char* kFemaleGiven[] = {
    "Anh",  "Chi",   "Dung",  "Giang", "Hà",   "Hạnh",  "Hằng", "Hiền", "Hoa",  "Hương",
    "Huyền", "Lan",  "Linh",  "Loan",  "Ly",   "Mai",   "My",   "Nga",  "Ngân", "Ngọc",
    "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Thảo", "Thu",  "Thủy", "Trang", "Trinh",
    "Tuyết", "Uyên", "Vân",   "Vy",    "Yến",  "Ánh",   "Diễm", "Hồng", "Nhi",  "Xuân"};

constexpr const char* kStreets[] = {
    "Lê Lợi",          "Nguyễn Huệ",        "Trần Hưng Đạo",   "Hai Bà Trưng",   "Lý Thường Kiệt",
    "Điện Biên Phủ",   "Võ Thị Sáu",        "Nguyễn Trãi",     "Pasteur",        "Cách Mạng Tháng Tám",
    "Hùng Vương",      "Quang Trung",       "Phan Chu Trinh",  "Lê Duẩn",        "Bạch Đằng",
    "Trường Chinh",    "Nguyễn Văn Cừ",     "Hoàng Diệu",      "Lạc Long Quân",  "Tôn Đức Thắng",
    "Nguyễn Thị Minh Khai", "Phạm Ngũ Lão", "Đinh Tiên Hoàng", "Ngô Quyền",      "Trần Phú",
    "Phan Đình Phùng", "Lê Thánh Tông",     "Nguyễn Du",       "Hàng Bài",       "Kim Mã",
};

constexpr const char* kWards[] = {
    "Phường Bến Nghé", "Phường Bến Thành", "Phường Tân Định",  "Phường Hàng Bạc", "Phường Tràng Tiền",
    "Phường Thạch Thang", "Phường An Hải Bắc", "Phường Vĩnh Ninh", "Phường Tân Phong", "Phường 1",
    "Phường 3",        "Phường 7",         "Phường 12",        "Phường Cửa Nam",  "Phường Láng Hạ",
    "Xã Tân Hội",      "Xã Phước Kiển",    "Xã Đông Thạnh",    "Thị trấn Củ Chi", "Thị trấn Văn Điển",
};

constexpr const char* kBioSentences[] = {
    "Khách hàng thân thiết từ năm 2019, thường mua vào cuối tuần.",
    "Thích cà phê sữa đá và bánh mì thịt nướng buổi sáng.",
    "Ưu tiên giao hàng trong giờ hành chính, gọi điện trước khi đến.",
    "Đã từng khiếu nại về việc giao hàng chậm dịp Tết Nguyên Đán.",
    "Quan tâm đến sản phẩm thủ công mỹ nghệ và đặc sản vùng miền.",
    "Thường thanh toán qua ví MoMo hoặc chuyển khoản ngân hàng.",
    "Sống gần chợ Bến Thành, hay đặt hàng cho cả gia đình.",
    "Mua áo dài lụa làm quà cho người thân ở nước ngoài.",
    "Thành viên hạng Vàng của chương trình khách hàng thân thiết.",
    "Yêu cầu xuất hóa đơn đỏ cho công ty khi mua số lượng lớn.",
    "Hay đặt phở bò và bún chả vào giờ nghỉ trưa.",
    "Ghi chú: không nhận hàng vào chủ nhật, để hàng ở phòng bảo vệ.",
};

constexpr const char* kOrderNotes[] = {
    "Giao giờ hành chính",       "Gọi trước khi giao",      "Để hàng ở phòng bảo vệ",
    "Không lấy ống hút nhựa",    "Gói quà giúp mình nhé",   "Giao nhanh trong ngày",
    "Ít đá, ít đường",           "Xuất hóa đơn công ty",    "Kiểm tra hàng trước khi nhận",
};

constexpr const char* kEmailDomains[] = {"gmail.com", "yahoo.com.vn", "outlook.com", "fpt.vn",
                                         "vnn.vn",    "hotmail.com",  "icloud.com"};

// ---- product catalogue, one block per category slug (see demo_seed.sql)

constexpr ProductBase kFood[] = {
    {"Phở bò", 45000, 95000},       {"Bún chả Hà Nội", 40000, 80000}, {"Bánh mì thịt", 20000, 45000},
    {"Bún bò Huế", 45000, 85000},   {"Cơm tấm sườn bì", 40000, 75000}, {"Bánh xèo", 35000, 70000},
    {"Gỏi cuốn tôm thịt", 30000, 60000}, {"Chả giò", 35000, 70000},   {"Mì Quảng", 40000, 75000},
    {"Cao lầu Hội An", 40000, 70000}, {"Hủ tiếu Nam Vang", 45000, 85000}, {"Bánh cuốn Thanh Trì", 30000, 55000},
};
constexpr const char* kFoodVariants[] = {"", "tô nhỏ", "tô lớn", "đặc biệt", "thêm thịt", "ít hành"};
constexpr const char* kFoodTags[] = {"món Việt", "bán chạy", "ăn sáng", "giao nhanh"};

constexpr ProductBase kDrinks[] = {
    {"Cà phê sữa đá", 20000, 55000}, {"Cà phê đen đá", 15000, 45000}, {"Bạc xỉu", 25000, 55000},
    {"Trà đá", 5000, 10000},         {"Trà sen Tây Hồ", 35000, 90000}, {"Nước mía", 10000, 25000},
    {"Sinh tố bơ", 30000, 65000},    {"Trà sữa trân châu", 30000, 65000}, {"Nước dừa Bến Tre", 20000, 40000},
    {"Cà phê trứng", 35000, 70000},
};
constexpr const char* kDrinkVariants[] = {"", "size M", "size L", "ít đường", "không đá", "mang đi"};
constexpr const char* kDrinkTags[] = {"đồ uống", "bán chạy", "mát lạnh", "khuyến mãi"};

constexpr ProductBase kFashion[] = {
    {"Áo dài lụa", 650000, 3500000}, {"Áo bà ba", 250000, 650000}, {"Khăn rằn Nam Bộ", 60000, 180000},
    {"Áo thun in chữ Việt Nam", 120000, 350000}, {"Quần lụa ống rộng", 280000, 750000},
    {"Dép cói", 90000, 250000},      {"Túi cói đan tay", 180000, 550000},
};
constexpr const char* kFashionVariants[] = {"màu đỏ", "màu trắng", "xanh ngọc", "vàng", "tím Huế",
                                            "size S", "size M", "size L"};
constexpr const char* kFashionTags[] = {"thời trang", "hàng Việt", "quà tặng", "mới"};

constexpr ProductBase kCrafts[] = {
    {"Nón lá", 50000, 180000},        {"Nón lá bài thơ Huế", 120000, 350000}, {"Tranh Đông Hồ", 150000, 900000},
    {"Gốm Bát Tràng", 120000, 2500000}, {"Tranh sơn mài", 800000, 12000000},  {"Tranh thêu tay", 500000, 6000000},
    {"Đèn lồng Hội An", 80000, 450000}, {"Khay mây tre đan", 90000, 400000},
};
constexpr const char* kCraftVariants[] = {"", "cỡ nhỏ", "cỡ lớn", "bộ quà tặng", "hoa văn sen"};
constexpr const char* kCraftTags[] = {"thủ công", "quà tặng", "hàng Việt", "du lịch"};

constexpr ProductBase kSpecialties[] = {
    {"Nước mắm Phú Quốc", 60000, 320000},   {"Chè Thái Nguyên", 120000, 900000},
    {"Cà phê Buôn Ma Thuột", 150000, 600000}, {"Bánh pía Sóc Trăng", 60000, 180000},
    {"Kẹo dừa Bến Tre", 35000, 120000},      {"Nem chua Thanh Hóa", 50000, 150000},
    {"Bánh đậu xanh Hải Dương", 40000, 160000}, {"Mè xửng Huế", 30000, 90000},
};
constexpr const char* kSpecialtyVariants[] = {"hộp 250g", "hộp 500g", "gói 1kg", "chai 500ml", "hộp quà"};
constexpr const char* kSpecialtyTags[] = {"đặc sản", "quà biếu", "hàng Việt", "bán chạy"};

constexpr ProductBase kProduce[] = {
    {"Gạo ST25", 32000, 60000},          {"Xoài cát Hòa Lộc", 60000, 120000}, {"Vải thiều Lục Ngạn", 40000, 90000},
    {"Sầu riêng Ri6", 90000, 180000},    {"Thanh long ruột đỏ", 25000, 60000}, {"Bưởi da xanh", 50000, 110000},
    {"Măng cụt Lái Thiêu", 60000, 130000}, {"Cam sành", 25000, 55000},
};
constexpr const char* kProduceVariants[] = {"1kg", "2kg", "5kg", "túi 10kg", "loại 1"};
constexpr const char* kProduceTags[] = {"nông sản", "organic", "tươi", "theo mùa"};

constexpr ProductBase kElectronics[] = {
    {"Tai nghe không dây", 250000, 4500000}, {"Sạc dự phòng", 250000, 1200000},
    {"Loa bluetooth", 350000, 6000000},      {"Điện thoại thông minh", 2500000, 32000000},
    {"Đồng hồ thông minh", 900000, 12000000}, {"Cáp sạc nhanh", 60000, 350000},
};
constexpr const char* kElectronicsVariants[] = {"màu đen", "màu trắng", "bản quốc tế", "chính hãng"};
constexpr const char* kElectronicsTags[] = {"điện tử", "bảo hành 12 tháng", "trả góp", "mới"};

constexpr ProductBase kHousehold[] = {
    {"Nồi cơm điện", 450000, 4500000}, {"Quạt đứng", 350000, 2500000}, {"Ấm siêu tốc", 180000, 900000},
    {"Chảo chống dính", 150000, 1200000}, {"Bếp từ đơn", 700000, 3500000}, {"Phin pha cà phê nhôm", 25000, 90000},
};
constexpr const char* kHouseholdVariants[] = {"1.2 lít", "1.8 lít", "cỡ 24cm", "cỡ 28cm", ""};
constexpr const char* kHouseholdTags[] = {"gia dụng", "tiết kiệm điện", "khuyến mãi", "bán chạy"};

constexpr ProductBase kCosmetics[] = {
    {"Sữa rửa mặt nghệ", 90000, 350000}, {"Kem chống nắng", 150000, 650000}, {"Son môi thuần chay", 180000, 450000},
    {"Nước hoa hồng", 120000, 400000},   {"Dầu gội bồ kết", 70000, 220000},  {"Tinh dầu sả chanh", 60000, 200000},
};
constexpr const char* kCosmeticsVariants[] = {"50ml", "100ml", "200ml", "bộ mini", ""};
constexpr const char* kCosmeticsTags[] = {"mỹ phẩm", "thuần chay", "hàng Việt", "mới"};

constexpr ProductBase kBooks[] = {
    {"Truyện Kiều", 60000, 250000},     {"Dế Mèn phiêu lưu ký", 45000, 150000}, {"Số đỏ", 50000, 140000},
    {"Vở ô li", 8000, 25000},           {"Bút bi", 4000, 15000},                {"Sổ tay bìa da", 60000, 250000},
};
constexpr const char* kBooksVariants[] = {"", "bìa cứng", "bản đặc biệt", "hộp 10 cái", "tái bản"};
constexpr const char* kBooksTags[] = {"sách", "văn phòng phẩm", "học sinh", "quà tặng"};

constexpr ProductBase kBaby[] = {
    {"Sữa bột trẻ em", 350000, 950000}, {"Tã giấy", 180000, 450000}, {"Xe đẩy em bé", 1200000, 8500000},
    {"Bình sữa", 90000, 450000},        {"Khăn sữa cotton", 50000, 150000},
};
constexpr const char* kBabyVariants[] = {"số 1", "số 2", "cỡ M", "cỡ L", "gói tiết kiệm"};
constexpr const char* kBabyTags[] = {"mẹ và bé", "an toàn", "khuyến mãi", "bán chạy"};

constexpr ProductBase kSports[] = {
    {"Giày chạy bộ", 450000, 3500000}, {"Vợt cầu lông", 250000, 4000000}, {"Bóng đá", 150000, 1200000},
    {"Thảm tập yoga", 150000, 900000}, {"Cầu đá", 15000, 60000},          {"Áo đấu đội tuyển Việt Nam", 200000, 900000},
};
constexpr const char* kSportsVariants[] = {"size 40", "size 42", "màu đỏ", "màu xanh", ""};
constexpr const char* kSportsTags[] = {"thể thao", "ngoài trời", "khuyến mãi", "mới"};

constexpr CategoryCatalog kCatalog[] = {
    {"do-an", "tô", kFood, kFoodVariants, kFoodTags},
    {"do-uong", "ly", kDrinks, kDrinkVariants, kDrinkTags},
    {"thoi-trang", "chiếc", kFashion, kFashionVariants, kFashionTags},
    {"thu-cong-my-nghe", "chiếc", kCrafts, kCraftVariants, kCraftTags},
    {"dac-san", "hộp", kSpecialties, kSpecialtyVariants, kSpecialtyTags},
    {"nong-san", "kg", kProduce, kProduceVariants, kProduceTags},
    {"dien-tu", "chiếc", kElectronics, kElectronicsVariants, kElectronicsTags},
    {"gia-dung", "chiếc", kHousehold, kHouseholdVariants, kHouseholdTags},
    {"my-pham", "chai", kCosmetics, kCosmeticsVariants, kCosmeticsTags},
    {"sach-van-phong-pham", "cuốn", kBooks, kBooksVariants, kBooksTags},
    {"me-va-be", "gói", kBaby, kBabyVariants, kBabyTags},
    {"the-thao", "chiếc", kSports, kSportsVariants, kSportsTags},
};

}  // namespace

std::span<const WeightedName> VietnameseLexicon::FamilyNames() { return kFamilyNames; }
std::span<const char* const> VietnameseLexicon::MiddleNames(bool female) {
  return female ? std::span<const char* const>(kFemaleMiddle) : std::span<const char* const>(kMaleMiddle);
}
std::span<const char* const> VietnameseLexicon::GivenNames(bool female) {
  return female ? std::span<const char* const>(kFemaleGiven) : std::span<const char* const>(kMaleGiven);
}
std::span<const char* const> VietnameseLexicon::Streets() { return kStreets; }
std::span<const char* const> VietnameseLexicon::Wards() { return kWards; }
std::span<const char* const> VietnameseLexicon::BioSentences() { return kBioSentences; }
std::span<const char* const> VietnameseLexicon::OrderNotes() { return kOrderNotes; }
std::span<const char* const> VietnameseLexicon::EmailDomains() { return kEmailDomains; }
std::span<const CategoryCatalog> VietnameseLexicon::Catalog() { return kCatalog; }

}  // namespace lakehouse::workload
