// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/creditsread.h"

#include "dimo/client.h"
#include "dimo/net/apicalljob.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace app::tools {

namespace {

QString creditFailure(const dimo::Error &e)
{
    QString why = e.message;
    if (!e.detail.isEmpty()) {
        why += u" (DIMO: "_s + e.detail + u")"_s;
    }
    if (e.httpStatus > 0) {
        why += u" [HTTP %1]"_s.arg(e.httpStatus);
    }
    return why;
}

} // namespace

void fetchCredits(dimo::Client *client,
                  const QList<qint64> &tokenIds,
                  const QDateTime &now,
                  QObject *context,
                  std::function<void(const QHash<qint64, CreditRead> &)> done)
{
    struct Pending
    {
        QHash<qint64, CreditRead> reads;
        qsizetype left = 0;
        QPointer<QObject> context;
        std::function<void(const QHash<qint64, CreditRead> &)> done;
    };

    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->context = context;
    pending->left = tokenIds.size();
    if (pending->left == 0) {
        pending->done(pending->reads);
        return;
    }
    for (const qint64 id : tokenIds) {
        auto *job = client->vehicleCredits(id);
        QObject::connect(
            job, &dimo::ApiCallJob::finished, job, [pending, id, now](const dimo::Result<QJsonObject> &result) {
                CreditRead read;
                read.readAt = now;
                if (!result) {
                    read.unknownWhy = creditFailure(result.error());
                } else if (auto parsed = dimo::credits::parseVehicleCredits(id, result.value()); parsed) {
                    read.credits = parsed.value();
                } else {
                    read.unknownWhy = creditFailure(parsed.error());
                }
                pending->reads.insert(id, read);
                if (--pending->left == 0 && pending->context) {
                    pending->done(pending->reads);
                }
            });
    }
}

void addCredits(QStringList &out,
                int firstRow,
                const QList<dimo::Vehicle> &vehicles,
                const QHash<qint64, CreditRead> &reads)
{
    QStringList reasons;
    for (const CreditRead &r : reads) {
        if (!r.credits && !reasons.contains(r.unknownWhy)) {
            reasons << r.unknownWhy;
        }
    }
    const bool allFailedAlike =
        !reads.isEmpty() && reasons.size() == 1 && std::none_of(reads.begin(), reads.end(), [](const CreditRead &r) {
            return r.credits.has_value();
        });
    for (int i = 0; i < vehicles.size(); ++i) {
        const auto it = reads.constFind(vehicles.at(i).tokenId);
        if (it == reads.constEnd() || allFailedAlike) {
            continue;
        }
        if (!it->credits) {
            out[firstRow + i] += u"; credits unknown: "_s + it->unknownWhy;
            continue;
        }
        const auto &c = *it->credits;
        out[firstRow + i] += u"; credits: %1 left (%2 used in %3 days)"_s.arg(c.remaining)
                                 .arg(c.usedInPeriod)
                                 .arg(dimo::credits::PeriodDays);
    }
    if (allFailedAlike) {
        out << u"Credits unknown: %1"_s.arg(reasons.first());
    } else if (!reads.isEmpty()) {
        out << u"Credits are per vehicle, read at most %1 minutes ago: DIMO deducts them from the license's "
               "balance for that vehicle on each query."_s.arg(CreditsFreshSecs / 60);
    }
    const qsizetype unread = std::count_if(vehicles.begin(), vehicles.end(), [&reads](const dimo::Vehicle &v) {
        return !reads.contains(v.tokenId);
    });
    if (unread > 0 && !reads.isEmpty()) {
        out << u"Credits not read for the other %1 vehicles (%2 per call)."_s.arg(unread).arg(MaxCreditReads);
    }
    if (const QStringList low = lowOnCredits(vehicles, reads); !low.isEmpty()) {
        out << u"Low on credits: %1. A vehicle without credits answers \"insufficient credits\": buy credits for "
               "this license in the DIMO developer console (console.dimo.org)."_s.arg(low.join(u", "_s));
    }
}

QStringList lowOnCredits(const QList<dimo::Vehicle> &vehicles, const QHash<qint64, CreditRead> &reads)
{
    QStringList low;
    for (const dimo::Vehicle &v : vehicles) {
        const auto it = reads.constFind(v.tokenId);
        if (it != reads.constEnd() && it->credits && it->credits->remaining < dimo::credits::LowCredits) {
            low << u"%1 (%2 left)"_s.arg(v.tokenId).arg(it->credits->remaining);
        }
    }
    return low;
}

QString creditsSummary(const QList<dimo::Vehicle> &vehicles, const QHash<qint64, CreditRead> &reads)
{
    qint64 total = 0;
    int known = 0;
    const dimo::credits::VehicleCredits *lowest = nullptr;
    for (const dimo::Vehicle &v : vehicles) {
        const auto it = reads.constFind(v.tokenId);
        if (it == reads.constEnd() || !it->credits) {
            continue;
        }
        ++known;
        total += it->credits->remaining;
        if (!lowest || it->credits->remaining < lowest->remaining) {
            lowest = &*it->credits;
        }
    }
    if (known == 0) {
        return {};
    }
    const QLocale locale;
    QString line = known == 1
        ? QCoreApplication::translate("Credits", "%1 left on 1 vehicle").arg(locale.toString(total))
        : QCoreApplication::translate("Credits", "%1 left on %2 vehicles").arg(locale.toString(total)).arg(known);
    if (known > 1) {
        line += QCoreApplication::translate("Credits", " · lowest: %1, %2 left")
                    .arg(lowest->tokenId)
                    .arg(locale.toString(lowest->remaining));
    }
    return line;
}

} // namespace app::tools
