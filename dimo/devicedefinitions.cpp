// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/devicedefinitions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace dimo::devicedefinitions {

Result<QByteArray> decodeVinBody(const QString &vinIn, const QString &countryIn)
{
    const QString vin = vinIn.trimmed().toUpper();
    const QString country = countryIn.trimmed().toUpper();
    static const QRegularExpression vinRe(QStringLiteral("^[A-HJ-NPR-Z0-9]{17}$"));
    if (vin.size() != 17) {
        return Error::make(Error::Kind::InvalidInput,
                           u"a VIN has 17 characters; you gave %1"_s.arg(vin.size()),
                           u"Copy the VIN from the vehicle registration or the windscreen plate."_s);
    }
    if (!vinRe.match(vin).hasMatch()) {
        return Error::make(Error::Kind::InvalidInput,
                           u"the VIN may only contain digits and the letters A-Z except I, O and Q"_s);
    }
    static const QRegularExpression countryRe(QStringLiteral("^[A-Z]{3}$"));
    if (!countryRe.match(country).hasMatch()) {
        return Error::make(
            Error::Kind::InvalidInput,
            u"the country must be an ISO 3166-1 alpha-3 code such as USA, DEU or GBR; you gave \"%1\""_s.arg(countryIn),
            u"Two-letter codes (US, DE) are not accepted by DIMO."_s);
    }
    return QJsonDocument(QJsonObject{{u"vin"_s, vin}, {u"countryCode"_s, country}}).toJson(QJsonDocument::Compact);
}

Result<QUrlQuery> searchQuery(const Search &s)
{
    if (s.query.trimmed().isEmpty() && s.makeSlug.isEmpty() && s.modelSlug.isEmpty()) {
        return Error::make(Error::Kind::InvalidInput,
                           u"a device definition search needs a query text (or a make/model slug)"_s);
    }
    if (s.year < 0 || s.page < 0 || s.pageSize < 0 || s.pageSize > 100) {
        return Error::make(Error::Kind::InvalidInput,
                           u"year and page must be positive and pageSize between 1 and 100"_s);
    }
    QUrlQuery q;
    auto add = [&q](const QString &k, const QString &v) {
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    };
    add(u"query"_s, s.query.trimmed());
    if (!s.makeSlug.isEmpty()) {
        add(u"makeSlug"_s, slug(s.makeSlug));
    }
    if (!s.modelSlug.isEmpty()) {
        add(u"modelSlug"_s, slug(s.modelSlug));
    }
    if (s.year > 0) {
        add(u"year"_s, QString::number(s.year));
    }
    if (s.page > 0) {
        add(u"page"_s, QString::number(s.page));
    }
    if (s.pageSize > 0) {
        add(u"pageSize"_s, QString::number(s.pageSize));
    }
    return q;
}

QString slug(const QString &text)
{
    QString s = text.trimmed().toLower().normalized(QString::NormalizationForm_D);
    s.removeIf([](QChar c) {
        return c.category() == QChar::Mark_NonSpacing;
    });
    for (QChar c : {u' ', u'_', u'/', u'.', u'\''}) {
        s.replace(c, u'-');
    }
    return s;
}

} // namespace dimo::devicedefinitions
