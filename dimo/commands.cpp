// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/commands.h"

using namespace Qt::StringLiterals;

namespace dimo {

CommandReceipt CommandReceipt::fromJson(const QJsonObject &answer)
{
    CommandReceipt r;
    r.commandId = answer.value(u"commandId"_s).toString(answer.value(u"requestId"_s).toString());
    r.status = answer.value(u"status"_s).toString();
    r.message = answer.value(u"message"_s).toString();
    return r;
}

namespace commands {

QString name(Command c)
{
    switch (c) {
    case Command::LockDoors:
        return u"doors/lock"_s;
    case Command::UnlockDoors:
        return u"doors/unlock"_s;
    case Command::StartCharging:
        return u"charge/start"_s;
    case Command::StopCharging:
        return u"charge/stop"_s;
    case Command::OpenTrunk:
        return u"trunk/open"_s;
    case Command::OpenFrunk:
        return u"frunk/open"_s;
    }
    return {};
}

QString legacyPath(Command c, qint64 tokenId)
{
    return u"/v1/vehicle/%1/commands/%2"_s.arg(tokenId).arg(name(c));
}

Result<Command> fromString(const QString &text)
{
    const QString n = text.trimmed().toLower().replace(u'_', u'/').replace(u'-', u'/');
    const Command all[] = {Command::LockDoors,
                           Command::UnlockDoors,
                           Command::StartCharging,
                           Command::StopCharging,
                           Command::OpenTrunk,
                           Command::OpenFrunk};
    for (Command c : all) {
        if (n == name(c)) {
            return c;
        }
    }
    if (n == QLatin1String("lock")) {
        return Command::LockDoors;
    }
    if (n == QLatin1String("unlock")) {
        return Command::UnlockDoors;
    }
    return Error::make(Error::Kind::InvalidInput,
                       u"unknown command \"%1\"; use doors/lock, doors/unlock, charge/start, charge/stop, "
                       "trunk/open or frunk/open"_s.arg(text));
}

bool outcomeUnknown(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::Timeout:
    case Error::Kind::Network:
    case Error::Kind::Parse:
        return true;
    case Error::Kind::HttpStatus:
        return e.httpStatus >= 500 || (e.httpStatus >= 200 && e.httpStatus < 300);
    default:
        return false;
    }
}

bool refusedOnDimoSide(const Error &e)
{
    return e.kind == Error::Kind::Unauthorized && e.httpStatus == 401 && e.message.contains(DimoSideRefusal);
}

} // namespace commands
} // namespace dimo
