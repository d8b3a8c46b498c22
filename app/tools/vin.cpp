// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/vin.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {

int transliterate(QChar c)
{
    if (c.isDigit()) {
        return c.digitValue();
    }
    static const QString letters = u"ABCDEFGHJKLMNPRSTUVWXYZ"_s;
    static const int values[] = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    const qsizetype i = letters.indexOf(c);
    return i < 0 ? 0 : values[i];
}

dimo::Error invalid(const QString &message, const QString &hint)
{
    return dimo::Error::make(dimo::Error::Kind::InvalidInput, message, hint);
}

// ISO 3166-1 alpha-3, officially assigned codes.
const QSet<QString> &countryCodes()
{
    static const QSet<QString> codes = [] {
        const QString all = u"ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA "
                            "BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN "
                            "CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU "
                            "EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB "
                            "GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL "
                            "ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO "
                            "LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR "
                            "MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER "
                            "PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM "
                            "SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK "
                            "TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM "
                            "VUT WLF WSM YEM ZAF ZMB ZWE"_s;
        QSet<QString> set;
        for (const QString &code : all.split(u' ', Qt::SkipEmptyParts)) {
            set.insert(code);
        }
        return set;
    }();
    return codes;
}

} // namespace

QChar vinCheckDigit(const QString &vin)
{
    static const int weights[] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 17 && i < vin.size(); ++i) {
        sum += transliterate(vin.at(i)) * weights[i];
    }
    const int check = sum % 11;
    return check == 10 ? u'X' : QChar(u'0' + check);
}

dimo::Result<QString> validateVin(const QString &input)
{
    const QString vin = input.trimmed().toUpper();
    if (vin.size() != 17) {
        return invalid(u"a VIN has exactly 17 characters; \"%1\" has %2"_s.arg(input.trimmed()).arg(vin.size()),
                       u"Ask the user to read the VIN again (windshield plate, door jamb or registration)."_s);
    }
    for (qsizetype i = 0; i < vin.size(); ++i) {
        const QChar c = vin.at(i);
        if (c == u'I' || c == u'O' || c == u'Q') {
            return invalid(u"a VIN never contains I, O or Q; position %1 is '%2'"_s.arg(i + 1).arg(c),
                           u"It is probably %1; check the VIN with the user."_s.arg(c == u'I' ? u"1"_s : u"0"_s));
        }
        if (!((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z'))) {
            return invalid(u"a VIN has only letters A-Z and digits; position %1 is '%2'"_s.arg(i + 1).arg(c),
                           u"Remove spaces and punctuation."_s);
        }
    }
    const QChar first = vin.at(0);
    if (first >= u'1' && first <= u'5') {
        const QChar expected = vinCheckDigit(vin);
        if (vin.at(8) != expected) {
            return invalid(u"the VIN's check digit (position 9) is '%1' but the other characters give '%2', "
                           "so one character is probably mistyped"_s.arg(vin.at(8))
                               .arg(expected),
                           u"Check the VIN with the user before decoding it."_s);
        }
    }
    return vin;
}

dimo::Result<QString> validateCountryCode(const QString &input)
{
    const QString code = input.trimmed().toUpper();
    if (code.isEmpty()) {
        return u"USA"_s;
    }
    if (countryCodes().contains(code)) {
        return code;
    }
    return invalid(u"\"%1\" is not an ISO 3166-1 alpha-3 country code"_s.arg(input),
                   u"Use three letters such as USA, CAN, DEU or GBR."_s);
}

} // namespace app::tools
