// Generated file: do not edit. Made by scripts/embed-codes.py from iso3166.tsv,
// ISO 3166-1 country codes with Chinese names.
// Run the script again after the list changes.

/// The embedded `iso3166.tsv`, parsed once by its code-list type.
enum ISO3166Data {
    static let tsv = #"""
alpha2	alpha3	numeric	name	name_zh
AD	AND	020	Andorra	安道尔
AE	ARE	784	United Arab Emirates	阿联酋
AF	AFG	004	Afghanistan	阿富汗
AG	ATG	028	Antigua and Barbuda	安提瓜和巴布达
AI	AIA	660	Anguilla	安圭拉
AL	ALB	008	Albania	阿尔巴尼亚
AM	ARM	051	Armenia	亚美尼亚
AO	AGO	024	Angola	安哥拉
AQ	ATA	010	Antarctica	南极洲
AR	ARG	032	Argentina	阿根廷
AS	ASM	016	American Samoa	美属萨摩亚
AT	AUT	040	Austria	奥地利
AU	AUS	036	Australia	澳大利亚
AW	ABW	533	Aruba	阿鲁巴
AX	ALA	248	Åland Islands	奥兰群岛
AZ	AZE	031	Azerbaijan	阿塞拜疆
BA	BIH	070	Bosnia and Herzegovina	波斯尼亚和黑塞哥维那
BB	BRB	052	Barbados	巴巴多斯
BD	BGD	050	Bangladesh	孟加拉
BE	BEL	056	Belgium	比利时
BF	BFA	854	Burkina Faso	布基纳法索
BG	BGR	100	Bulgaria	保加利亚
BH	BHR	048	Bahrain	巴林
BI	BDI	108	Burundi	布隆迪
BJ	BEN	204	Benin	贝宁
BL	BLM	652	Saint Barthélemy	圣巴泰勒米岛
BM	BMU	060	Bermuda	百慕大
BN	BRN	096	Brunei Darussalam	文莱
BO	BOL	068	Bolivia, Plurinational State of	玻利维亚共和国
BQ	BES	535	Bonaire, Sint Eustatius and Saba	博奈尔、圣尤斯特歇斯岛和萨巴
BR	BRA	076	Brazil	巴西
BS	BHS	044	Bahamas	巴哈马
BT	BTN	064	Bhutan	不丹
BV	BVT	074	Bouvet Island	布维群岛
BW	BWA	072	Botswana	博兹瓦那
BY	BLR	112	Belarus	白俄罗斯
BZ	BLZ	084	Belize	伯利兹
CA	CAN	124	Canada	加拿大
CC	CCK	166	Cocos (Keeling) Islands	科科斯群岛
CD	COD	180	Congo, The Democratic Republic of the	刚果民主共和国
CF	CAF	140	Central African Republic	中非
CG	COG	178	Congo	刚果
CH	CHE	756	Switzerland	瑞士
CI	CIV	384	Côte d'Ivoire	科特迪瓦
CK	COK	184	Cook Islands	库克群岛
CL	CHL	152	Chile	智利
CM	CMR	120	Cameroon	喀麦隆
CN	CHN	156	China	中国
CO	COL	170	Colombia	哥伦比亚
CR	CRI	188	Costa Rica	哥斯达黎加
CU	CUB	192	Cuba	古巴
CV	CPV	132	Cabo Verde	佛得角
CW	CUW	531	Curaçao	库拉索
CX	CXR	162	Christmas Island	圣诞岛
CY	CYP	196	Cyprus	塞浦路斯
CZ	CZE	203	Czechia	捷克
DE	DEU	276	Germany	德国
DJ	DJI	262	Djibouti	吉布提
DK	DNK	208	Denmark	丹麦
DM	DMA	212	Dominica	多米尼克
DO	DOM	214	Dominican Republic	多米尼加共和国
DZ	DZA	012	Algeria	阿尔及利亚
EC	ECU	218	Ecuador	厄瓜多尔
EE	EST	233	Estonia	爱沙尼亚
EG	EGY	818	Egypt	埃及
EH	ESH	732	Western Sahara	西撒哈拉
ER	ERI	232	Eritrea	厄立特里亚
ES	ESP	724	Spain	西班牙
ET	ETH	231	Ethiopia	埃塞俄比亚
FI	FIN	246	Finland	芬兰
FJ	FJI	242	Fiji	斐济
FK	FLK	238	Falkland Islands (Malvinas)	福克兰群岛(马尔维纳斯)
FM	FSM	583	Micronesia, Federated States of	密克罗尼西亚
FO	FRO	234	Faroe Islands	法罗群岛
FR	FRA	250	France	法国
GA	GAB	266	Gabon	加蓬
GB	GBR	826	United Kingdom	英国
GD	GRD	308	Grenada	格林纳达
GE	GEO	268	Georgia	格鲁吉亚
GF	GUF	254	French Guiana	法属圭亚那
GG	GGY	831	Guernsey	根西岛
GH	GHA	288	Ghana	加纳
GI	GIB	292	Gibraltar	直布罗陀
GL	GRL	304	Greenland	格陵兰
GM	GMB	270	Gambia	冈比亚
GN	GIN	324	Guinea	几内亚
GP	GLP	312	Guadeloupe	瓜德罗普
GQ	GNQ	226	Equatorial Guinea	赤道几内亚
GR	GRC	300	Greece	希腊
GS	SGS	239	South Georgia and the South Sandwich Islands	南乔治亚岛和南桑德韦奇岛
GT	GTM	320	Guatemala	瓜地马拉
GU	GUM	316	Guam	关岛
GW	GNB	624	Guinea-Bissau	几内亚比绍
GY	GUY	328	Guyana	圭亚那
HK	HKG	344	Hong Kong	香港
HM	HMD	334	Heard Island and McDonald Islands	赫德岛与麦克唐纳群岛
HN	HND	340	Honduras	洪都拉斯
HR	HRV	191	Croatia	克罗地亚
HT	HTI	332	Haiti	海地
HU	HUN	348	Hungary	匈牙利
ID	IDN	360	Indonesia	印度尼西亚
IE	IRL	372	Ireland	爱尔兰
IL	ISR	376	Israel	以色列
IM	IMN	833	Isle of Man	曼岛
IN	IND	356	India	印度
IO	IOT	086	British Indian Ocean Territory	英属印度洋领地
IQ	IRQ	368	Iraq	伊拉克
IR	IRN	364	Iran, Islamic Republic of	伊朗伊斯兰共和国
IS	ISL	352	Iceland	冰岛
IT	ITA	380	Italy	意大利
JE	JEY	832	Jersey	泽西岛
JM	JAM	388	Jamaica	牙买加
JO	JOR	400	Jordan	约旦
JP	JPN	392	Japan	日本
KE	KEN	404	Kenya	肯尼亚
KG	KGZ	417	Kyrgyzstan	吉尔吉斯坦
KH	KHM	116	Cambodia	柬埔塞
KI	KIR	296	Kiribati	基里巴斯
KM	COM	174	Comoros	科摩罗
KN	KNA	659	Saint Kitts and Nevis	圣基茨和尼维斯
KP	PRK	408	Korea, Democratic People's Republic of	朝鲜民主主义人民共和国
KR	KOR	410	Korea, Republic of	大韩民国
KW	KWT	414	Kuwait	科威特
KY	CYM	136	Cayman Islands	开曼群岛
KZ	KAZ	398	Kazakhstan	哈萨克斯坦
LA	LAO	418	Lao People's Democratic Republic	老挝人民民主共和国
LB	LBN	422	Lebanon	黎巴嫩
LC	LCA	662	Saint Lucia	圣路西亚
LI	LIE	438	Liechtenstein	列支敦士登
LK	LKA	144	Sri Lanka	斯里兰卡
LR	LBR	430	Liberia	利比里亚
LS	LSO	426	Lesotho	莱索托
LT	LTU	440	Lithuania	立陶宛
LU	LUX	442	Luxembourg	卢森堡
LV	LVA	428	Latvia	拉脱维亚
LY	LBY	434	Libya	利比亚
MA	MAR	504	Morocco	摩洛哥
MC	MCO	492	Monaco	摩纳哥
MD	MDA	498	Moldova, Republic of	摩尔多瓦共和国
ME	MNE	499	Montenegro	黑山
MF	MAF	663	Saint Martin (French part)	法属圣马丁
MG	MDG	450	Madagascar	马达加斯加
MH	MHL	584	Marshall Islands	马绍尔群岛
MK	MKD	807	North Macedonia	北马其顿
ML	MLI	466	Mali	马里
MM	MMR	104	Myanmar	缅甸
MN	MNG	496	Mongolia	蒙古
MO	MAC	446	Macao	澳门
MP	MNP	580	Northern Mariana Islands	北马里亚纳群岛
MQ	MTQ	474	Martinique	马提尼克
MR	MRT	478	Mauritania	毛里塔尼亚
MS	MSR	500	Montserrat	蒙塞拉特岛
MT	MLT	470	Malta	马尔他
MU	MUS	480	Mauritius	毛里求斯
MV	MDV	462	Maldives	马尔代夫
MW	MWI	454	Malawi	马拉维
MX	MEX	484	Mexico	墨西哥
MY	MYS	458	Malaysia	马来西亚
MZ	MOZ	508	Mozambique	莫桑比克
NA	NAM	516	Namibia	纳米比亚
NC	NCL	540	New Caledonia	新喀里多尼亚
NE	NER	562	Niger	尼日尔
NF	NFK	574	Norfolk Island	诺福克岛
NG	NGA	566	Nigeria	尼日利亚
NI	NIC	558	Nicaragua	尼加拉瓜
NL	NLD	528	Netherlands	荷兰
NO	NOR	578	Norway	挪威
NP	NPL	524	Nepal	尼泊尔
NR	NRU	520	Nauru	瑙鲁
NU	NIU	570	Niue	纽埃
NZ	NZL	554	New Zealand	新西兰
OM	OMN	512	Oman	阿曼
PA	PAN	591	Panama	巴拿马
PE	PER	604	Peru	秘鲁
PF	PYF	258	French Polynesia	法属玻利尼西亚
PG	PNG	598	Papua New Guinea	巴布亚新几内亚
PH	PHL	608	Philippines	菲律宾
PK	PAK	586	Pakistan	巴基斯坦
PL	POL	616	Poland	波兰
PM	SPM	666	Saint Pierre and Miquelon	圣皮埃尔和密克隆
PN	PCN	612	Pitcairn	皮特克恩
PR	PRI	630	Puerto Rico	波多黎各
PS	PSE	275	Palestine, State of	巴勒斯坦
PT	PRT	620	Portugal	葡萄牙
PW	PLW	585	Palau	帕劳
PY	PRY	600	Paraguay	巴拉圭
QA	QAT	634	Qatar	卡塔尔
RE	REU	638	Réunion	留尼汪
RO	ROU	642	Romania	罗马尼亚
RS	SRB	688	Serbia	塞尔维亚
RU	RUS	643	Russian Federation	俄罗斯
RW	RWA	646	Rwanda	卢旺达
SA	SAU	682	Saudi Arabia	沙特阿拉伯
SB	SLB	090	Solomon Islands	所罗门群岛
SC	SYC	690	Seychelles	塞舌尔
SD	SDN	729	Sudan	苏丹
SE	SWE	752	Sweden	瑞典
SG	SGP	702	Singapore	新加坡
SH	SHN	654	Saint Helena, Ascension and Tristan da Cunha	圣赫勒拿-阿森松-特里斯坦达库尼亚
SI	SVN	705	Slovenia	斯洛文尼亚
SJ	SJM	744	Svalbard and Jan Mayen	斯瓦尔巴特和扬马延岛
SK	SVK	703	Slovakia	斯洛伐克
SL	SLE	694	Sierra Leone	塞拉利昂
SM	SMR	674	San Marino	圣马力诺市
SN	SEN	686	Senegal	塞内加尔
SO	SOM	706	Somalia	索马里
SR	SUR	740	Suriname	苏里南
SS	SSD	728	South Sudan	南苏丹
ST	STP	678	Sao Tome and Principe	圣多美和普林西比
SV	SLV	222	El Salvador	萨尔瓦多
SX	SXM	534	Sint Maarten (Dutch part)	荷属圣马丁
SY	SYR	760	Syrian Arab Republic	阿拉伯叙利亚共和国
SZ	SWZ	748	Eswatini	斯威士兰
TC	TCA	796	Turks and Caicos Islands	特克斯和凯科斯群岛
TD	TCD	148	Chad	乍得
TF	ATF	260	French Southern Territories	法属南半球领地
TG	TGO	768	Togo	多哥
TH	THA	764	Thailand	泰国
TJ	TJK	762	Tajikistan	塔吉克斯坦
TK	TKL	772	Tokelau	托克劳
TL	TLS	626	Timor-Leste	东帝汶
TM	TKM	795	Turkmenistan	土库曼斯坦
TN	TUN	788	Tunisia	突尼斯
TO	TON	776	Tonga	汤加
TR	TUR	792	Türkiye	土耳其
TT	TTO	780	Trinidad and Tobago	特里尼达和多巴哥
TV	TUV	798	Tuvalu	图瓦卢
TW	TWN	158	Taiwan, Province of China	中国台湾省
TZ	TZA	834	Tanzania, United Republic of	坦桑尼亚
UA	UKR	804	Ukraine	乌克兰
UG	UGA	800	Uganda	乌干达
UM	UMI	581	United States Minor Outlying Islands	美国本土外小岛屿
US	USA	840	United States	美国
UY	URY	858	Uruguay	乌拉圭
UZ	UZB	860	Uzbekistan	乌兹别克斯坦
VA	VAT	336	Holy See (Vatican City State)	梵地冈
VC	VCT	670	Saint Vincent and the Grenadines	圣文森特和格林纳丁斯
VE	VEN	862	Venezuela, Bolivarian Republic of	委内瑞拉玻利瓦尔共和国
VG	VGB	092	Virgin Islands, British	英属维尔京群岛
VI	VIR	850	Virgin Islands, U.S.	美属维尔京群岛
VN	VNM	704	Viet Nam	越南
VU	VUT	548	Vanuatu	瓦努阿图
WF	WLF	876	Wallis and Futuna	瓦利斯和富图纳
WS	WSM	882	Samoa	萨摩亚
YE	YEM	887	Yemen	也门
YT	MYT	175	Mayotte	马约特
ZA	ZAF	710	South Africa	南非
ZM	ZMB	894	Zambia	赞比亚
ZW	ZWE	716	Zimbabwe	津巴布韦
"""#
}
