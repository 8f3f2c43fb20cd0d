// SPDX-License-Identifier: MIT
// Device grouping and the shared-device / multi-device flags.
#include "analysis/devicegroups.h"

#include <QtTest>

using namespace Proctor::Analysis;

using Rows = std::vector<DeviceSessionRow>;
using Strings = std::vector<std::string>;
Q_DECLARE_METATYPE(Rows)
Q_DECLARE_METATYPE(Strings)

class TestDeviceGroups : public QObject
{
    Q_OBJECT

private slots:
    void flags_data()
    {
        QTest::addColumn<Rows>("rows");
        QTest::addColumn<Strings>("sharedDevices");         // hashes flagged
        QTest::addColumn<Strings>("multiDeviceCandidates"); // candidates flagged
        QTest::addColumn<int>("groups");

        QTest::newRow("one device, two candidates")
            << Rows{{"s1", "ivanov", "h1"}, {"s2", "petrov", "h1"}} << Strings{"h1"} << Strings{} << 1;
        QTest::newRow("one candidate, two devices")
            << Rows{{"s1", "ivanov", "h1"}, {"s2", "ivanov", "h2"}} << Strings{} << Strings{"ivanov"} << 2;
        QTest::newRow("both at once")
            << Rows{{"s1", "ivanov", "h1"}, {"s2", "petrov", "h1"}, {"s3", "petrov", "h2"}} << Strings{"h1"}
            << Strings{"petrov"} << 2;
        QTest::newRow("same person, same device, many sessions")
            << Rows{{"s1", "ivanov", "h1"}, {"s2", "ivanov", "h1"}, {"s3", "ivanov", "h1"}} << Strings{}
            << Strings{} << 1;
        QTest::newRow("unknown candidate does not make a device shared")
            << Rows{{"s1", "ivanov", "h1"}, {"s2", "", "h1"}} << Strings{} << Strings{} << 1;
        QTest::newRow("rows without a fingerprint are not grouped")
            << Rows{{"s1", "ivanov", ""}, {"s2", "ivanov", "h1"}} << Strings{} << Strings{} << 1;
        QTest::newRow("duplicate rows are harmless")
            << Rows{{"s1", "ivanov", "h1"}, {"s1", "ivanov", "h1"}} << Strings{} << Strings{} << 1;
        QTest::newRow("empty input") << Rows{} << Strings{} << Strings{} << 0;
    }
    void flags()
    {
        QFETCH(Rows, rows);
        QFETCH(Strings, sharedDevices);
        QFETCH(Strings, multiDeviceCandidates);
        QFETCH(int, groups);
        const DeviceReport report = groupDevices(rows);
        QCOMPARE(report.groups.size(), static_cast<std::size_t>(groups));
        Strings shared;
        for (const std::size_t i : report.sharedDevices) {
            QVERIFY(report.groups[i].sharedByCandidates);
            shared.push_back(report.groups[i].fingerprintHash);
        }
        QCOMPARE(shared, sharedDevices);
        Strings multi;
        for (const std::size_t i : report.multiDeviceCandidates) {
            QVERIFY(report.candidates[i].multipleDevices);
            multi.push_back(report.candidates[i].candidateKey);
        }
        QCOMPARE(multi, multiDeviceCandidates);
        // The flag lists are exactly the flagged entries.
        for (const DeviceGroup &g : report.groups) {
            QCOMPARE(g.sharedByCandidates, g.candidateKeys.size() > 1);
        }
    }

    void groupContents()
    {
        const Rows rows{
            {"s3", "petrov", "h1"}, {"s1", "ivanov", "h1"}, {"s2", "ivanov", "h2"}, {"s4", "", ""}};
        const DeviceReport report = groupDevices(rows);
        QCOMPARE(report.rowsWithoutFingerprint, std::size_t{1});
        QCOMPARE(report.groups[0].fingerprintHash, std::string("h1"));
        QCOMPARE(report.groups[0].sessionIds, (Strings{"s1", "s3"}));
        QCOMPARE(report.groups[0].candidateKeys, (Strings{"ivanov", "petrov"}));
        QCOMPARE(report.candidates[0].candidateKey, std::string("ivanov"));
        QCOMPARE(report.candidates[0].fingerprintHashes, (Strings{"h1", "h2"}));
        QCOMPARE(report.candidates[0].sessionIds, (Strings{"s1", "s2"}));
    }
};

QTEST_APPLESS_MAIN(TestDeviceGroups)
#include "tst_devicegroups.moc"
