// SPDX-License-Identifier: MIT
// proctor-admin: the proctors' desktop app. For now only its main window opens.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>

#include "core/version.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("proctor-admin"));
    QApplication::setApplicationVersion(QString::fromLatin1(Proctor::kVersion));
    QMainWindow window;
    window.setWindowTitle(QObject::tr("Proctor — administration"));
    auto *label = new QLabel(QObject::tr("Proctor admin desktop %1").arg(QString::fromLatin1(Proctor::kVersion)));
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    window.resize(1024, 700);
    window.show();
    return QApplication::exec();
}
