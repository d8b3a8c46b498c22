// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/signalcatalog.h"

#include "app/tools/suggest.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace app::tools::signalcatalog {

const QList<SignalInfo> &all()
{
    static const QList<SignalInfo> list = {
#include "app/tools/signalcatalog.inc"
    };
    return list;
}

const SignalInfo *find(const QString &name)
{
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> h;
        for (qsizetype i = 0; i < all().size(); ++i) {
            h.insert(all().at(i).name, i);
        }
        return h;
    }();
    const auto it = index.constFind(name);
    return it == index.constEnd() ? nullptr : &all().at(*it);
}

QStringList names()
{
    QStringList out;
    for (const SignalInfo &s : all()) {
        out << s.name;
    }
    return out;
}

dimo::Result<QList<SignalInfo>> resolve(const QStringList &requested)
{
    QList<SignalInfo> found;
    QStringList problems;
    for (const QString &name : requested) {
        if (const SignalInfo *info = find(name)) {
            found << *info;
        } else {
            problems << u"\"%1\"%2"_s.arg(quotable(name), didYouMean(closestNames(name, names())));
        }
    }
    if (!problems.isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                 u"unknown signal name: %1"_s.arg(problems.join(u"; "_s)),
                                 u"Call telemetry_get_available_signals for the names this vehicle has."_s);
    }
    if (found.isEmpty()) {
        return dimo::Error::make(dimo::Error::Kind::InvalidInput,
                                 u"no signal names given"_s,
                                 u"Name at least one signal, e.g. \"speed\"."_s);
    }
    return found;
}

QStringList aggregations(SignalKind kind)
{
    switch (kind) {
    case SignalKind::Float:
        return {u"AVG"_s, u"MED"_s, u"MAX"_s, u"MIN"_s, u"RAND"_s, u"FIRST"_s, u"LAST"_s};
    case SignalKind::String:
        return {u"RAND"_s, u"UNIQUE"_s, u"TOP"_s, u"FIRST"_s, u"LAST"_s};
    case SignalKind::Location:
        return {u"AVG"_s, u"RAND"_s, u"FIRST"_s, u"LAST"_s};
    }
    return {};
}

QList<int> privileges(const QList<SignalInfo> &signalList)
{
    QList<int> out;
    for (const SignalInfo &s : signalList) {
        if (!out.contains(s.privilege)) {
            out << s.privilege;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace app::tools::signalcatalog
