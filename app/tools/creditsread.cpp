// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "app/tools/creditsread.h"

#include "dimo/client.h"
#include "dimo/net/apicalljob.h"

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

void readCredits(dimo::Client *client,
                 const QList<dimo::Vehicle> &vehicles,
                 const SharedResponder &responder,
                 std::function<void(const QHash<qint64, CreditRead> &)> done)
{
    struct Pending
    {
        QHash<qint64, CreditRead> reads;
        int left = 0;
        std::function<void(const QHash<qint64, CreditRead> &)> done;
    };

    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->left = int(qMin(vehicles.size(), qsizetype(MaxCreditReads)));
    if (pending->left == 0) {
        pending->done(pending->reads);
        return;
    }
    for (int i = 0; i < pending->left; ++i) {
        const qint64 id = vehicles.at(i).tokenId;
        auto *job = client->vehicleCredits(id);
        QObject::connect(
            job, &dimo::ApiCallJob::finished, job, [pending, responder, id](const dimo::Result<QJsonObject> &result) {
                CreditRead read;
                if (!result) {
                    read.unknownWhy = creditFailure(result.error());
                } else if (auto parsed = dimo::credits::parseVehicleCredits(id, result.value()); parsed) {
                    read.credits = parsed.value();
                } else {
                    read.unknownWhy = creditFailure(parsed.error());
                }
                pending->reads.insert(id, read);
                if (--pending->left == 0 && responder->isPending()) {
                    pending->done(pending->reads);
                }
            });
    }
}

QStringList
addCredits(QStringList &out, int firstRow, const QList<dimo::Vehicle> &vehicles, const QHash<qint64, CreditRead> &reads)
{
    QStringList reasons;
    QStringList low;
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
        if (c.remaining < dimo::credits::LowCredits) {
            low << u"%1 (%2 left)"_s.arg(c.tokenId).arg(c.remaining);
        }
    }
    if (allFailedAlike) {
        out << u"Credits unknown: %1"_s.arg(reasons.first());
    } else if (!reads.isEmpty()) {
        out << u"Credits are per vehicle: DIMO deducts them from the license's balance for that vehicle on each "
               "query."_s;
    }
    if (vehicles.size() > reads.size() && !reads.isEmpty()) {
        out << u"Credits not read for the other %1 vehicles (%2 per call)."_s.arg(vehicles.size() - reads.size())
                   .arg(MaxCreditReads);
    }
    if (!low.isEmpty()) {
        out << u"Low on credits: %1. A vehicle without credits answers \"insufficient credits\": buy credits for "
               "this license in the DIMO developer console (console.dimo.org)."_s.arg(low.join(u", "_s));
    }
    return low;
}

} // namespace app::tools
