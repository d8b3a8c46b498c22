// SPDX-FileCopyrightText: 2026 DIMO Tray developers
// SPDX-License-Identifier: Apache-2.0
#include "dimo/job.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace dimo {

Job::Job(QObject *parent)
    : QObject(parent)
{}

Job::~Job()
{
    abortChildren();
}

void Job::start()
{
    if (m_started || m_finished) {
        return;
    }
    m_started = true;
    if (m_presetError) {
        fail(*m_presetError);
        return;
    }
    doStart();
}

void Job::startLater()
{
    QMetaObject::invokeMethod(this, &Job::start, Qt::QueuedConnection);
}

void Job::cancel()
{
    if (m_finished) {
        return;
    }
    abortChildren();
    doAbort();
    fail(Error::make(Error::Kind::Cancelled, u"the operation was cancelled"_s));
}

void Job::abortChildren()
{
    const auto children = std::exchange(m_children, {});
    for (const QPointer<Job> &child : children) {
        if (child) {
            child->disconnect(this);
            child->cancel();
        }
    }
}

bool Job::claimFinish()
{
    if (m_finished) {
        return false;
    }
    m_finished = true;
    m_started = true;
    deleteLater();
    return true;
}

} // namespace dimo
