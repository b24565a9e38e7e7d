// Generated file: do not edit. Made by scripts/embed-codes.py from contract-codes.tsv,
// technology-contract registration form code lists.
// Run the script again after the list changes.

/// The embedded `contract-codes.tsv`, parsed once by its code-list type.
enum ContractCodesData {
    static let tsv = #"""
list	code	name	parent	confirmed
contract_category	DEV	技术开发		no
contract_category	TRF	技术转让		no
contract_category	LIC	技术许可		no
contract_category	CON	技术咨询		no
contract_category	SRV	技术服务		no
contract_subtype	DEV-COMM	委托开发	DEV	no
contract_subtype	DEV-COOP	合作开发	DEV	no
contract_subtype	TRF-PAT	专利权转让	TRF	no
contract_subtype	TRF-PATAPP	专利申请权转让	TRF	no
contract_subtype	TRF-SECRET	技术秘密转让	TRF	no
contract_subtype	TRF-OTHER	其他	TRF	no
contract_subtype	LIC-PAT	专利实施许可	LIC	no
contract_subtype	LIC-SECRET	技术秘密使用许可	LIC	no
contract_subtype	LIC-OTHER	其他	LIC	no
contract_subtype	SRV-SVC	技术服务	SRV	no
contract_subtype	SRV-TRAIN	技术培训	SRV	no
contract_subtype	SRV-AGENCY	技术中介	SRV	no
party_nature	010	机关法人		yes
party_nature	011	国家级行政机关	010	yes
party_nature	0111	机关法人	011	yes
party_nature	0112	机关分支机构	011	yes
party_nature	012	省级行政机关	010	yes
party_nature	0121	机关法人	012	no
party_nature	0122	机关分支机构	012	no
party_nature	013	市级行政机关	010	yes
party_nature	0131	机关法人	013	no
party_nature	0132	机关分支机构	013	no
party_nature	014	县级及以下行政机关	010	yes
party_nature	0141	机关法人	014	no
party_nature	0142	机关分支机构	014	no
party_nature	020	事业法人		yes
party_nature	021	科研机构	020	yes
party_nature	0211	事业法人	021	yes
party_nature	0212	事业分支机构	021	yes
party_nature	022	高等院校	020	yes
party_nature	0221	事业法人	022	no
party_nature	0222	事业分支机构	022	no
party_nature	023	医疗、卫生	020	yes
party_nature	0231	事业法人	023	no
party_nature	0232	事业分支机构	023	no
party_nature	024	其它	020	yes
party_nature	030	社团法人		yes
party_nature	100	内资企业		yes
party_nature	110	国有企业	100	yes
party_nature	120	集体企业	100	yes
party_nature	130	股份合作企业	100	yes
party_nature	140	联营企业	100	yes
party_nature	150	有限责任公司	100	yes
party_nature	160	股份有限公司	100	yes
party_nature	170	私营企业	100	yes
party_nature	180	其他企业	100	yes
party_nature	200	港澳台商投资企业		yes
party_nature	210	合资经营企业	200	yes
party_nature	220	合作经营企业	200	yes
party_nature	230	独资经营企业	200	yes
party_nature	240	港澳台商投资股份有限公司	200	yes
party_nature	300	外商投资企业		yes
party_nature	310	中外合资经营企业	300	yes
party_nature	320	中外合作经营企业	300	yes
party_nature	330	外资企业	300	no
party_nature	340	外商投资股份有限公司	300	yes
party_nature	400	个人		no
tech_field	TF01	电子信息		no
tech_field	TF02	先进制造		no
tech_field	TF03	航空航天		no
tech_field	TF04	现代交通		no
tech_field	TF05	农业		no
tech_field	TF06	生物、医药和医疗器械		no
tech_field	TF07	新能源与高效节能		no
tech_field	TF08	环境保护与资源综合利用		no
tech_field	TF09	新材料及其应用		no
tech_field	TF10	核应用		no
tech_field	TF11	城市建设与社会发展		no
ip_type	IP-PAT	专利		no
ip_type	IP-PAT-INV	发明专利	IP-PAT	no
ip_type	IP-PAT-UM	实用新型专利	IP-PAT	no
ip_type	IP-PAT-DES	外观设计专利	IP-PAT	no
ip_type	IP-SECRET	技术秘密		no
ip_type	IP-SOFT	计算机软件著作权		no
ip_type	IP-ICLD	集成电路布图设计专有权		no
ip_type	IP-PVR	植物新品种权		no
ip_type	IP-BIOMED	生物医药新品种		no
ip_type	IP-OTHER	其他知识产权		no
ip_type	IP-NONE	未涉及知识产权		no
payment_method	PAY-LUMP	一次总付		no
payment_method	PAY-INST	分期支付		no
payment_method	PAY-ROY	提成支付		no
payment_method	PAY-OTHER	其他		no
enterprise_size	L	大型		no
enterprise_size	M	中型		no
enterprise_size	S	小型		no
enterprise_size	XS	微型		no
enterprise_size	NA	不适用		no
"""#
}
