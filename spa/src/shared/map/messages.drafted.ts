import type { Drafted } from '../../i18n';

/**
 * Easy-to-read Swedish, Finnish, Arabic and Somali, under the same keys as the Swedish texts: machine-drafted, each block
 * to be checked by a human translator. Loaded only when the page is read in one of these languages.
 */
export const drafted = {
  // machine-drafted: to be checked by a human translator
  'sv-x-lattlast': {
    heading: 'Karta',
    zoomIn: 'Gör kartan större', zoomOut: 'Gör kartan mindre', boundaries: 'Gränser för stadsdelar: Stockholms stad (CC0)',
    legend: 'Vad tecknen betyder', route: 'Vägen vi går', meeting: 'Här träffas vi', venue: 'Här är mötet',
    observationOpen: 'Iakttagelse som inte är klar', observationPlanned: 'Iakttagelse där arbete ska göras eller pågår',
    observationDone: 'Iakttagelse som är klar', observationOther: 'Finns redan, eller någon annan än staden ansvarar',
    sameAsList: 'Allt på kartan finns också i listan.',
    measure: 'Det här görs. Tecknet står vid iakttagelsen som arbetet gäller.',
    cluster_one: '{{count}} iakttagelse här. Gör kartan större.',
    cluster_other: '{{count}} iakttagelser här. Gör kartan större.',
    clusterKey: 'Flera iakttagelser nära varandra. Tryck för att se dem.',
    baseFailed: 'Vi kan inte visa kartan med stadsdelarna just nu. Kartan visar bara punkterna. Allt finns också i listan.',
    picker: { chosen: 'Platsen du valde' },
    upcoming: {
      label: 'Karta: möten och promenader som kommer',
      notOnMap_one: '{{count}} möte är via internet. Det finns bara i listan.',
      notOnMap_other: '{{count}} möten är via internet. De finns bara i listan.',
    },
    event: {
      label: 'Karta: {{title}}',
      observations_one: '{{count}} iakttagelse längs promenaden',
      observations_other: '{{count}} iakttagelser längs promenaden',
      report: 'Berätta om något du har sett längs promenaden',
    },
  },
  // machine-drafted: to be checked by a human translator
  fi: {
    heading: 'Kartta',
    zoomIn: 'Lähennä', zoomOut: 'Loitonna', boundaries: 'Kaupunginosien rajat: Tukholman kaupunki (CC0)',
    legend: 'Selitteet', route: 'Kävelyn reitti', meeting: 'Kokoontumispaikka', venue: 'Tapaamisen paikka',
    observationOpen: 'Havainto, jota ei ole vielä korjattu', observationPlanned: 'Havainto, jonka toimenpide on suunniteltu tai käynnissä',
    observationDone: 'Korjattu tai suljettu havainto', observationOther: 'Kaksoiskappale tai ei kaupungin vastuulla',
    sameAsList: 'Kaikki kartalla näkyvä löytyy myös luettelosta.',
    measure: 'Toimenpide sen havainnon kohdalla, johon se vastaa',
    cluster_one: '{{count}} havainto tässä, lähennä',
    cluster_other: '{{count}} havaintoa tässä, lähennä',
    clusterKey: 'Useita havaintoja lähekkäin (lähennä napauttamalla)',
    baseFailed: 'Karttapohjaa kaupunginosineen ei juuri nyt saatu haettua. Kartalla näkyvät vain pisteet; kaikki löytyy myös luettelosta.',
    picker: { chosen: 'Valittu paikka' },
    upcoming: {
      label: 'Kartta: tulevat dialogit ja kävelyt',
      notOnMap_one: '{{count}} tilaisuus järjestetään etänä, ja se on vain luettelossa.',
      notOnMap_other: '{{count}} tilaisuutta järjestetään etänä, ja ne ovat vain luettelossa.',
    },
    event: {
      label: 'Kartta: {{title}}',
      observations_one: '{{count}} havainto kävelyn varrella',
      observations_other: '{{count}} havaintoa kävelyn varrella',
      report: 'Ilmoita jostakin, minkä näit kävelyn varrella',
    },
  },
  // machine-drafted: to be checked by a human translator
  ar: {
    heading: 'الخريطة',
    zoomIn: 'تكبير', zoomOut: 'تصغير', boundaries: 'حدود الأحياء: مدينة ستوكهولم (CC0)',
    legend: 'دليل الرموز', route: 'مسار الجولة', meeting: 'مكان التجمّع', venue: 'مكان الاجتماع',
    observationOpen: 'ملاحظة لم تُعالَج بعد', observationPlanned: 'ملاحظة لها إجراء مخطط له أو قيد التنفيذ',
    observationDone: 'ملاحظة عولجت أو أُغلقت', observationOther: 'مكررة أو ليست من مسؤولية المدينة',
    sameAsList: 'كل ما يظهر على الخريطة موجود أيضاً في القائمة.',
    measure: 'إجراء، عند الملاحظة التي يستجيب لها',
    cluster_zero: 'عدد الملاحظات هنا: {{count}}، قم بالتكبير',
    cluster_one: 'ملاحظة واحدة هنا، قم بالتكبير',
    cluster_two: 'ملاحظتان هنا، قم بالتكبير',
    cluster_few: '{{count}} ملاحظات هنا، قم بالتكبير',
    cluster_many: '{{count}} ملاحظةً هنا، قم بالتكبير',
    cluster_other: '{{count}} ملاحظة هنا، قم بالتكبير',
    clusterKey: 'عدة ملاحظات قريبة من بعضها (اضغط للتكبير)',
    baseFailed: 'تعذّر الآن تحميل خلفية الخريطة التي تُظهر الأحياء. تعرض الخريطة النقاط فقط، وكل شيء موجود أيضاً في القائمة.',
    picker: { chosen: 'المكان المختار' },
    upcoming: {
      label: 'خريطة: الحوارات والجولات القادمة',
      notOnMap_zero: 'عدد الفعاليات التي تُعقد عن بُعد وتظهر في القائمة فقط: {{count}}.',
      notOnMap_one: 'فعالية واحدة تُعقد عن بُعد، وهي موجودة في القائمة فقط.',
      notOnMap_two: 'فعاليتان تُعقدان عن بُعد، وهما موجودتان في القائمة فقط.',
      notOnMap_few: '{{count}} فعاليات تُعقد عن بُعد، وهي موجودة في القائمة فقط.',
      notOnMap_many: '{{count}} فعاليةً تُعقد عن بُعد، وهي موجودة في القائمة فقط.',
      notOnMap_other: '{{count}} فعالية تُعقد عن بُعد، وهي موجودة في القائمة فقط.',
    },
    event: {
      label: 'خريطة: {{title}}',
      observations_zero: 'عدد الملاحظات على طول الجولة: {{count}}',
      observations_one: 'ملاحظة واحدة على طول الجولة',
      observations_two: 'ملاحظتان على طول الجولة',
      observations_few: '{{count}} ملاحظات على طول الجولة',
      observations_many: '{{count}} ملاحظةً على طول الجولة',
      observations_other: '{{count}} ملاحظة على طول الجولة',
      report: 'أبلغ عن شيء رأيته على طول الجولة',
    },
  },
  // machine-drafted: to be checked by a human translator
  so: {
    heading: 'Khariidad',
    zoomIn: 'Soo dhawee', zoomOut: 'Fogee', boundaries: 'Xuduudaha xaafadaha: Magaalada Stockholm (CC0)',
    legend: 'Macnaha calaamadaha', route: 'Waddada socodka', meeting: 'Goobta lagu kulmayo', venue: 'Goobta kulanka',
    observationOpen: 'Arrin la arkay oo aan weli la hagaajin', observationPlanned: 'Arrin la arkay oo tallaabo loo qorsheeyay ama socota',
    observationDone: 'Arrin la hagaajiyay ama la xiray', observationOther: 'Horey loo soo sheegay ama ma aha mas’uuliyadda magaalada',
    sameAsList: 'Wax kasta oo khariidadda ku jira waxay sidoo kale ku jiraan liiska.',
    measure: 'Tallaabo, oo ag taal arrinta ay ka jawaabayso',
    cluster_one: '{{count}} arrin halkan, soo dhawee',
    cluster_other: '{{count}} arrimood halkan, soo dhawee',
    clusterKey: 'Arrimo dhowr ah oo is ag yaal (taabo si aad u soo dhawayso)',
    baseFailed: 'Hadda lama soo rari karo khariidadda salka ah ee xaafadaha. Khariidaddu waxay muujinaysaa dhibcaha oo keliya; wax kasta waxay sidoo kale ku jiraan liiska.',
    picker: { chosen: 'Goobta la doortay' },
    upcoming: {
      label: 'Khariidad: wadahadallada iyo socodyada soo socda',
      notOnMap_one: '{{count}} kulan waa online, wuxuuna ku jiraa liiska oo keliya.',
      notOnMap_other: '{{count}} kulan waa online, waxayna ku jiraan liiska oo keliya.',
    },
    event: {
      label: 'Khariidad: {{title}}',
      observations_one: '{{count}} arrin oo lagu arkay socodka',
      observations_other: '{{count}} arrimood oo lagu arkay socodka',
      report: 'Soo sheeg wax aad ku aragtay socodka',
    },
  },
} satisfies Drafted;
