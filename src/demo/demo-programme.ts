import { ConferenceStatus } from '../conferences/conference.entity';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';
import { DemoProgramme } from './demo-programme.types';

/**
 * The demo programme: four real events, built from public articles about them.
 *
 * All abstracts, bios, leads, questions and answers are our own summaries of the topics in the
 * facts, not quotations. Where the facts give no time of day (or no exact date) we picked a
 * plausible one, marked the session TENTATIVE and said so in its notes.
 *
 * Conference-level guesses (the entity has no notes field, so they are recorded here):
 * - Internetdagarna 2020: the facts only give 24 November 2020; the two-day span is assumed.
 * - DigStrat 2018: dates and city are not in the facts; 17–18 April 2018 in Stockholm is a guess.
 * - Umeå Jobbhackathon 2016: "first week of October 2016"; 3–5 October is a guess.
 * - Room names other than Internetdagarna's online room are placeholders.
 */
export const demoProgramme: DemoProgramme = {
  speakers: [
    {
      slug: 'gregory-golding',
      name: 'Gregory Golding',
      bio: {
        sv: 'Gregory Golding arbetar med JobTech Development, en enhet inom Arbetsförmedlingen som tar fram digitala lösningar för arbetsmarknaden i samverkan med andra aktörer, både privata och offentliga.',
        en: 'Gregory Golding works with JobTech Development, a unit of Arbetsförmedlingen (the Swedish Public Employment Service) that builds digital solutions for the labour market together with other actors, private and public.',
      },
    },
    {
      slug: 'carl-martin-laner',
      name: 'Carl-Martin Lanér',
      otherNames: ['Carl-Magnus Lanér'],
      otherSlugs: ['carl-magnus-laner'],
      bio: {
        sv: 'Carl-Martin Lanér har lett förvaltningen i Karlskrona kommun, som under hans tid blev finalist i Sveriges Digitaliseringskommun 2017 och kandidat till Årets eHälsokommun 2018. Han talar om ledarskap, mandat och samverkan i kommunal digitalisering.',
        en: "Carl-Martin Lanér has led the administration of Karlskrona municipality, which during his time became a finalist for Sweden's Digitalisation Municipality 2017 and a candidate for eHealth Municipality of the Year 2018. He speaks on leadership, mandate and collaboration in municipal digitalisation.",
      },
    },
    {
      slug: 'erik-sandstrom',
      name: 'Erik Sandström',
      bio: {
        sv: 'Erik Sandström har haft flera ledande roller inom digitalisering på Arbetsförmedlingen, först som chef för avdelningen för digitala tjänster och senare som digitaliseringsdirektör. Han har sedan lämnat myndigheten. Han intresserar sig för öppna data, ekosystemtänkande och vad som gör organisationer innovativa.',
        en: 'Erik Sandström held several leading digital roles at Arbetsförmedlingen, first as head of the department for digital services and later as director of digitalisation. He has since left the agency. His interests include open data, ecosystem thinking and what makes organisations able to innovate.',
      },
    },
    {
      slug: 'olle-lundin',
      name: 'Olle Lundin',
      bio: {
        sv: 'Olle Lundin ledde Arbetsförmedlingens digitala innovationscenter och har talat om hackathons som ett sätt för en myndighet att våga pröva nytt i små steg. Senare tog han initiativ till den ideella organisationen Swedish JobTech. År 2020 skrev han artikeln "Kommer Jobtech att dö nu?".',
        en: 'Olle Lundin headed Arbetsförmedlingen\'s digital innovation centre and has spoken about hackathons as a way for a public agency to dare to try new things in small steps. He later initiated the non-profit Swedish JobTech, and in 2020 wrote the article "Kommer Jobtech att dö nu?" ("Will JobTech die now?").',
      },
    },
    {
      slug: 'lieselot-danneels',
      name: 'Lieselot Danneels',
      bio: {
        en: 'Lieselot Danneels is a researcher at Vlerick Business School. Her work includes the case of VDAB, the Flemish public employment service, and how it became a digital agency working through an ecosystem of service partners.',
      },
    },
    {
      slug: 'eirik-lokke',
      name: 'Eirik Løkke',
      bio: {
        nb: 'Eirik Løkke har vært rådgiver i Civita og leder samtaler om teknologi, politikk og samfunn.',
        en: 'Eirik Løkke has been an adviser at Civita and moderates conversations about technology, politics and society.',
      },
    },
    {
      slug: 'tore-sandvik',
      name: 'Tore Sandvik',
      bio: {
        nb: 'Tore Sandvik har vært fylkesordfører i Trøndelag fylkeskommune og har deltatt i debatten om innovasjon og digitalisering i offentlig sektor.',
        en: 'Tore Sandvik has served as county mayor of Trøndelag county and has taken part in the debate on innovation and digitalisation in the public sector.',
      },
    },
    {
      slug: 'pia-josendal',
      name: 'Pia Jøsendal',
      bio: {
        nb: 'Pia Jøsendal er avdelingsleder og jobber med endring og digitalisering i offentlig sektor, blant annet i Asker kommune. Hun er aktiv i nettverket OneTeamGov og har også vært oppført med tilknytning til Bouvet og Trøndelag fylkeskommune.',
        en: 'Pia Jøsendal is a head of department working on change and digitalisation in the public sector, including in Asker municipality. She is active in the OneTeamGov network and has also been listed with Bouvet and Trøndelag county.',
      },
    },
  ],

  conferences: [
    // 1. Internetdagarna 2020 — online, Stockholm time, November (UTC+1).
    {
      slug: 'internetdagarna-2020',
      name: 'Internetdagarna 2020',
      series: 'Internetdagarna',
      edition: 2020,
      description: {
        sv: 'Internetdagarna är en årlig svensk konferens om internet och dess roll i samhället. 2020 års upplaga genomfördes online.',
        en: 'Internetdagarna is an annual Swedish conference about the internet and its role in society. The 2020 edition was held online.',
      },
      startDate: '2020-11-23',
      endDate: '2020-11-24',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
      venue: 'Online',
      city: 'Stockholm',
      websiteUrl: 'https://internetdagarna.se',
      status: ConferenceStatus.PUBLISHED,
      rooms: [{ slug: 'online', name: 'Online', streamUrl: 'https://internetdagarna.se' }],
      tracks: [],
      sessions: [
        {
          key: 'innovation-i-samhallets-tjanst',
          title: {
            sv: 'Innovation i samhällets tjänst',
            en: 'Innovation in the service of society',
          },
          abstract: {
            sv: 'JobTech Development vid Arbetsförmedlingen visar hur skattefinansierade satsningar på nya digitala lösningar kan göra arbetsmarknaden bättre, och varför myndigheter bör arbeta utåtriktat och stötta andra aktörer, privata som offentliga.',
            en: 'JobTech Development at Arbetsförmedlingen shows how tax-funded investment in new digital solutions can improve the labour market, and why public agencies should work outward and support other actors, private and public alike.',
          },
          format: SessionFormat.TALK,
          language: 'sv',
          room: 'online',
          start: '2020-11-24T10:00',
          end: '2020-11-24T10:45',
          status: SessionStatus.TENTATIVE,
          notes: 'The date (24 November 2020) is confirmed; the time of day is not.',
          appearances: [
            {
              speaker: 'gregory-golding',
              role: AppearanceRole.SPEAKER,
              organisation: 'JobTech Development (Arbetsförmedlingen)',
            },
          ],
        },
      ],
      interviews: [
        {
          slug: 'fem-fragor-till-gregory-golding',
          title: {
            sv: 'Fem frågor till Gregory Golding',
            en: 'Five questions for Gregory Golding',
          },
          lead: {
            sv: 'Inför Internetdagarna 2020 svarade Gregory Golding från JobTech Development på fem frågor om innovation när myndigheter och privata aktörer arbetar tillsammans.',
            en: 'Ahead of Internetdagarna 2020, Gregory Golding of JobTech Development answered five questions about innovation when public agencies and private actors work together.',
          },
          language: 'sv',
          publishedOn: '2020-11-11',
          sourceUrl: 'https://internetdagarna.se/program/innovation-i-samhallets-tjanst/',
          session: 'innovation-i-samhallets-tjanst',
          speakers: ['gregory-golding'],
          items: [
            {
              question: {
                sv: 'Vad handlar temat Innovation i samhällets tjänst om?',
                en: 'What is the theme "Innovation in the service of society" about?',
              },
              answer: {
                sv: 'Om hur skattefinansierade investeringar i nya digitala lösningar kan förbättra arbetsmarknaden, och om varför myndigheter behöver vända sig utåt och stötta andra aktörer, både privata och offentliga.',
                en: 'It is about how tax-funded investment in new digital solutions can improve the labour market, and why agencies need to look outward and support other actors, both private and public.',
              },
              answeredBy: 'gregory-golding',
            },
            {
              question: {
                sv: 'Hur uppstår innovation när myndigheter och privata aktörer samarbetar?',
                en: 'How does innovation arise when agencies and private actors work together?',
              },
              answer: {
                sv: 'När olika perspektiv möts blir man snabbare och kunden hamnar i fokus. Samtidigt delar parterna på kostnaderna och arbetsinsatsen.',
                en: 'When different perspectives meet, everyone moves faster and the customer ends up in focus. The partners also share the costs and the effort.',
              },
              answeredBy: 'gregory-golding',
            },
            {
              question: {
                sv: 'Kan du ge ett exempel på ett sådant samarbete?',
                en: 'Can you give an example of such a collaboration?',
              },
              answer: {
                sv: 'Ett exempel är samarbetet med försäkringsbolaget AXA kring en blockkedjelösning. Den förenklar försäkringstagarnas kontakter med Arbetsförmedlingen och ger den enskilda kontroll över sina egna uppgifter.',
                en: "One example is the collaboration with the insurer AXA on a blockchain solution. It makes policyholders' dealings with Arbetsförmedlingen easier and gives individuals control over their own data.",
              },
              answeredBy: 'gregory-golding',
            },
            {
              question: {
                sv: 'Vilken är den största utmaningen?',
                en: 'What is the biggest challenge?',
              },
              answer: {
                sv: 'Att regelverken inte hänger med i digitaliseringens takt.',
                en: 'That regulation does not keep pace with digitalisation.',
              },
              answeredBy: 'gregory-golding',
            },
            {
              question: {
                sv: 'Vad vill du att publiken ska ta med sig?',
                en: 'What do you want the audience to take away?',
              },
              answer: {
                sv: 'Att politik och lagstiftning behöver ge bättre förutsättningar för innovation i samverkan mellan offentliga och privata aktörer.',
                en: 'That policy and law need to give innovation in public-private collaboration better conditions.',
              },
              answeredBy: 'gregory-golding',
            },
          ],
        },
      ],
    },

    // 2. DigStrat 2018 — exact dates (and city) not given in the facts.
    {
      slug: 'digstrat-2018',
      name: 'DigStrat 2018 – Digitala Strategidagarna Offentlig Sektor',
      series: 'DigStrat',
      edition: 2018,
      description: {
        sv: 'Digitala Strategidagarna Offentlig Sektor är en konferens om digital strategi i svensk offentlig sektor, arrangerad av Summit & Friends.',
        en: 'Digitala Strategidagarna Offentlig Sektor (Digital Strategy Days, Public Sector) is a conference on digital strategy in the Swedish public sector, organised by Summit & Friends.',
      },
      startDate: '2018-04-17',
      endDate: '2018-04-18',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
      city: 'Stockholm',
      organiser: 'Summit & Friends',
      status: ConferenceStatus.PUBLISHED,
      rooms: [{ slug: 'huvudscenen', name: 'Huvudscenen' }],
      tracks: [],
      sessions: [
        {
          key: 'digstrat-2018-laner',
          title: {
            sv: 'Karlskronas digitaliseringsresa',
            en: "Karlskrona's digitalisation journey",
          },
          abstract: {
            sv: 'Karlskrona kommun blev finalist i Sveriges Digitaliseringskommun 2017 och kandidat till Årets eHälsokommun 2018. Kommundirektören berättar om vad som gjort det möjligt: tjänstepersonernas mandat, politikernas stöd, ledarutveckling på flera nivåer och samverkan med andra aktörer.',
            en: "Karlskrona municipality was a finalist for Sweden's Digitalisation Municipality 2017 and a candidate for eHealth Municipality of the Year 2018. Its municipal chief executive talks about what made that possible: the mandate of officials, political backing, leadership development at several levels and collaboration with others.",
          },
          format: SessionFormat.TALK,
          language: 'sv',
          room: 'huvudscenen',
          start: '2018-04-17T10:30',
          end: '2018-04-17T11:00',
          status: SessionStatus.TENTATIVE,
          notes:
            'Date and time are not confirmed (the source gives only the 2018 edition). The title describes the topic; the official title is not known.',
          appearances: [
            {
              speaker: 'carl-martin-laner',
              role: AppearanceRole.SPEAKER,
              title: 'kommundirektör',
              organisation: 'Karlskrona kommun',
            },
          ],
        },
        {
          key: 'digstrat-2018-sandstrom',
          title: {
            sv: 'Att starta en positiv rörelse mot innovation',
            en: 'Starting a positive movement towards innovation',
          },
          abstract: {
            sv: 'Hur får man en organisation att röra sig mot innovation? Arbetsförmedlingens digitaliseringsdirektör om kultur, kompetens och kunskap som grunden för förnyelse.',
            en: "How do you get an organisation moving towards innovation? Arbetsförmedlingen's director of digitalisation on culture, competence and knowledge as the basis for renewal.",
          },
          format: SessionFormat.TALK,
          language: 'sv',
          room: 'huvudscenen',
          start: '2018-04-17T13:00',
          end: '2018-04-17T13:30',
          status: SessionStatus.TENTATIVE,
          notes: "Date and time are not confirmed (the source gives only the 2018 edition). The title is taken from the talk's main theme.",
          appearances: [
            {
              speaker: 'erik-sandstrom',
              role: AppearanceRole.SPEAKER,
              title: 'digitaliseringsdirektör',
              organisation: 'Arbetsförmedlingen',
            },
          ],
        },
      ],
      interviews: [
        {
          slug: 'intervju-carl-martin-laner',
          title: {
            sv: 'Intervju med Carl-Martin Lanér',
            en: 'Interview with Carl-Martin Lanér',
          },
          lead: {
            sv: 'Inför DigStrat 2018 berättade Karlskronas kommundirektör Carl-Martin Lanér om kommunens digitaliseringsarbete, om ledarskap och om varför samverkan måste bli konkret.',
            en: "Ahead of DigStrat 2018, Karlskrona's municipal chief executive Carl-Martin Lanér talked about the municipality's digitalisation work, about leadership, and about why collaboration has to be concrete.",
          },
          language: 'sv',
          session: 'digstrat-2018-laner',
          speakers: ['carl-martin-laner'],
          items: [
            {
              question: {
                sv: 'Vad har gjort Karlskronas resultat möjliga?',
                en: "What made Karlskrona's results possible?",
              },
              answer: {
                sv: 'Han beskriver vad som legat bakom kommunens framsteg inom digitalisering, som gav en finalplats i Sveriges Digitaliseringskommun 2017.',
                en: "He describes what lay behind the municipality's progress in digitalisation, which earned it a place among the finalists for Sweden's Digitalisation Municipality 2017.",
              },
              answeredBy: 'carl-martin-laner',
            },
            {
              question: {
                sv: 'Vilket mandat har tjänstepersonerna, och hur håller ni politikerna med på resan?',
                en: 'What mandate do officials have, and how do you keep the politicians on board?',
              },
              answer: {
                sv: 'Han resonerar om vilket mandat tjänstepersonerna behöver för att driva förändringen, och om hur politikerna hålls informerade och delaktiga längs vägen.',
                en: 'He discusses the mandate officials need to drive change, and how the politicians are kept informed and involved along the way.',
              },
              answeredBy: 'carl-martin-laner',
            },
            {
              question: {
                sv: 'Hur arbetar kommunen med ledarutveckling?',
                en: 'How does the municipality work on leadership development?',
              },
              answer: {
                sv: 'Ledarskapet utvecklas på flera nivåer i organisationen, inte bara i högsta ledningen.',
                en: 'Leadership is developed at several levels of the organisation, not only at the top.',
              },
              answeredBy: 'carl-martin-laner',
            },
            {
              question: {
                sv: 'Hur delar ni med er av er kunskap till andra organisationer?',
                en: 'How do you share your knowledge with other organisations?',
              },
              answer: {
                sv: 'Bland annat genom innovationsupphandling, ett forum kring smarta städer och gemensamma projekt med andra.',
                en: 'Among other things through innovation procurement, a smart-city forum and joint projects with others.',
              },
              answeredBy: 'carl-martin-laner',
            },
            {
              question: {
                sv: 'Hur kan kommuner, regioner, myndigheter, akademi och näringsliv samverka bättre?',
                en: 'How can municipalities, regions, agencies, academia and business collaborate better?',
              },
              answer: {
                sv: 'Samverkan behöver bygga på konkreta projekt och testbäddar, inte bara på samtal.',
                en: 'Collaboration needs to rest on concrete projects and test beds, not just on talk.',
              },
              answeredBy: 'carl-martin-laner',
            },
          ],
        },
        {
          slug: 'intervju-erik-sandstrom',
          title: {
            sv: 'Intervju med Erik Sandström',
            en: 'Interview with Erik Sandström',
          },
          lead: {
            sv: 'Inför DigStrat 2018 svarade Arbetsförmedlingens digitaliseringsdirektör Erik Sandström på tre frågor om offentlig sektors roll i digitaliseringen och om vad som gör en organisation innovativ.',
            en: "Ahead of DigStrat 2018, Arbetsförmedlingen's director of digitalisation Erik Sandström answered three questions about the public sector's role in digitalisation and what makes an organisation innovative.",
          },
          language: 'sv',
          session: 'digstrat-2018-sandstrom',
          speakers: ['erik-sandstrom'],
          items: [
            {
              question: {
                sv: 'Vilken roll har offentlig sektor när digitaliseringen tar fart?',
                en: "What is the public sector's role as digitalisation accelerates?",
              },
              answer: {
                sv: 'Offentlig sektor behöver arbeta med förtroende, innovation och kundupplevelse. Kulturskillnader står dock ofta i vägen för samarbeten med startupbolag.',
                en: 'The public sector has to work on trust, innovation and customer experience. Cultural differences, however, often get in the way of collaborating with start-ups.',
              },
              answeredBy: 'erik-sandstrom',
            },
            {
              question: {
                sv: 'Vilken blir den största förändringen för Arbetsförmedlingen inom fem år?',
                en: 'What will be the biggest change at Arbetsförmedlingen within five years?',
              },
              answer: {
                sv: 'Att matchningen i allt högre grad sker digitalt genom självservice, medan handläggarna kan lägga sin tid på dem som har särskilda behov.',
                en: 'That matching increasingly happens through digital self-service, while advisers can spend their time on people with special needs.',
              },
              answeredBy: 'erik-sandstrom',
            },
            {
              question: {
                sv: 'Vad gör en organisation kapabel att innovera?',
                en: 'What makes an organisation able to innovate?',
              },
              answer: {
                sv: 'Kultur, kompetens och kunskap – alla tre behövs.',
                en: 'Culture, competence and knowledge – all three are needed.',
              },
              answeredBy: 'erik-sandstrom',
            },
          ],
        },
      ],
    },

    // 3. Teknologi og politikk 2020 — Oslo time, August (UTC+2).
    {
      slug: 'teknologi-og-politikk-2020',
      name: 'Teknologi og politikk 2020',
      series: 'Teknologi og politikk',
      edition: 2020,
      description: {
        nb: 'Teknologi og politikk er en norsk konferanse der teknologi møter politikk. Programmet i 2020 tok blant annet opp digital etikk og innovasjon i privat og offentlig sektor.',
        en: 'Teknologi og politikk (Technology and Politics) is a Norwegian conference where technology meets politics. The 2020 programme covered, among other things, digital ethics and innovation in the private and public sectors.',
      },
      startDate: '2020-08-19',
      endDate: '2020-08-19',
      timeZone: 'Europe/Oslo',
      defaultLocale: 'nb',
      city: 'Oslo',
      status: ConferenceStatus.PUBLISHED,
      rooms: [{ slug: 'hovedscenen', name: 'Hovedscenen' }],
      tracks: [{ slug: 'digital-etikk-og-politikk', name: 'Digital etikk og politikk' }],
      sessions: [
        {
          key: 'innovasjon-i-privat-og-offentlig-sektor',
          title: {
            nb: 'Innovasjon i privat og offentlig sektor',
            en: 'Innovation in the private and public sectors',
          },
          abstract: {
            nb: 'En samtale om hvor godt Norge lykkes med innovasjon, hva innovasjon egentlig betyr, hvordan offentlige innkjøp kan drive fram nye løsninger, og hvor mye offentlig IT som bør utvikles i egen regi. Samtalen er publisert som LØRN-case C0775 med podkast, video og transkripsjon.',
            en: 'A conversation about how well Norway does at innovation, what innovation actually means, how public procurement can drive new solutions, and how much public IT should be built in-house. The conversation is published as LØRN case C0775, with podcast, video and transcript.',
          },
          format: SessionFormat.PANEL,
          language: 'nb',
          room: 'hovedscenen',
          track: 'digital-etikk-og-politikk',
          start: '2020-08-19T10:00',
          end: '2020-08-19T10:20',
          status: SessionStatus.TENTATIVE,
          notes:
            'The date (19 August 2020) and the length (about 20 minutes; the recording runs 29 minutes) are confirmed; the time of day is not.',
          appearances: [
            {
              speaker: 'eirik-lokke',
              role: AppearanceRole.MODERATOR,
              title: 'rådgiver',
              organisation: 'Civita',
            },
            {
              speaker: 'tore-sandvik',
              role: AppearanceRole.PANELIST,
              title: 'fylkesordfører',
              organisation: 'Trøndelag fylkeskommune',
            },
            {
              speaker: 'pia-josendal',
              role: AppearanceRole.PANELIST,
              title: 'avdelingsleder',
              organisation: 'Asker kommune / OneTeamGov',
            },
          ],
        },
      ],
      interviews: [
        {
          slug: 'innovasjon-i-privat-og-offentlig-sektor',
          title: {
            nb: 'Innovasjon i privat og offentlig sektor',
            en: 'Innovation in the private and public sectors',
          },
          lead: {
            nb: 'Eirik Løkke fra Civita leder en samtale med Tore Sandvik og Pia Jøsendal om hvordan privat og offentlig sektor kan fornye seg, og om det offentliges rolle som kjøper og utvikler. Samtalen er publisert som LØRN-case C0775.',
            en: "Eirik Løkke of Civita leads a conversation with Tore Sandvik and Pia Jøsendal about how the private and public sectors can innovate, and about the public sector's role as buyer and builder. The conversation is published as LØRN case C0775.",
          },
          language: 'nb',
          session: 'innovasjon-i-privat-og-offentlig-sektor',
          speakers: ['eirik-lokke', 'tore-sandvik', 'pia-josendal'],
          items: [
            {
              question: {
                nb: 'Hvor god er Norge på innovasjon, og hva er viktigst å bli bedre på?',
                en: 'How good is Norway at innovation, and what matters most to improve?',
              },
              answer: {
                nb: 'Tore Sandvik gir sin vurdering av hvor Norge står, og peker på det han mener er viktigst å forbedre.',
                en: 'Tore Sandvik gives his assessment of where Norway stands and points to what he sees as most important to improve.',
              },
              answeredBy: 'tore-sandvik',
            },
            {
              question: {
                nb: 'Hvor god er Norge på innovasjon, og hva er viktigst å bli bedre på?',
                en: 'How good is Norway at innovation, and what matters most to improve?',
              },
              answer: {
                nb: 'Pia Jøsendal svarer på det samme spørsmålet ut fra sitt arbeid med endring og digitalisering i offentlig sektor.',
                en: 'Pia Jøsendal answers the same question from her work on change and digitalisation in the public sector.',
              },
              answeredBy: 'pia-josendal',
            },
            {
              question: {
                nb: 'Hva betyr innovasjon – å ta i bruk teknologi som finnes, eller å finne opp noe nytt?',
                en: 'What does innovation mean – using existing technology, or inventing something new?',
              },
              answer: {
                nb: 'Sandvik drøfter om innovasjon først og fremst handler om å ta i bruk eksisterende teknologi eller om å skape noe helt nytt.',
                en: 'Sandvik discusses whether innovation is mainly about putting existing technology to use or about creating something entirely new.',
              },
              answeredBy: 'tore-sandvik',
            },
            {
              question: {
                nb: 'Hvordan kan offentlig sektor stimulere innovasjon gjennom innkjøp?',
                en: 'How can the public sector stimulate innovation through procurement?',
              },
              answer: {
                nb: 'Jøsendal forklarer hvordan offentlige anskaffelser kan brukes som et virkemiddel for å få fram nye løsninger.',
                en: 'Jøsendal explains how public procurement can be used as a lever to bring forward new solutions.',
              },
              answeredBy: 'pia-josendal',
            },
            {
              question: {
                nb: 'Hvor mye av offentlig IT bør bygges i egen regi, og hvor mye bør kjøpes?',
                en: 'How much public IT should be built in-house, and how much should be bought?',
              },
              answer: {
                nb: 'Sandvik gir sitt syn på balansen mellom å utvikle IT-løsninger selv og å kjøpe dem i markedet.',
                en: 'Sandvik gives his view on the balance between developing IT solutions in-house and buying them on the market.',
              },
              answeredBy: 'tore-sandvik',
            },
            {
              question: {
                nb: 'Hvor mye av offentlig IT bør bygges i egen regi, og hvor mye bør kjøpes?',
                en: 'How much public IT should be built in-house, and how much should be bought?',
              },
              answer: {
                nb: 'Jøsendal svarer på det samme spørsmålet fra sitt ståsted.',
                en: 'Jøsendal answers the same question from her point of view.',
              },
              answeredBy: 'pia-josendal',
            },
            {
              question: {
                nb: 'Spørsmål fra salen: Hvordan bygger det offentlige en sterk bestillerkompetanse?',
                en: 'Question from the audience: how does the public sector build strong commissioning competence?',
              },
              answer: {
                nb: 'Sandvik svarer på spørsmålet om hvordan det offentlige kan bli en dyktigere bestiller.',
                en: 'Sandvik responds to the question of how the public sector can become a more competent commissioner.',
              },
              answeredBy: 'tore-sandvik',
              askedBy: 'Silvija Seres (LØRN)',
            },
            {
              question: {
                nb: 'Et avsluttende minutt: hva er ditt viktigste budskap?',
                en: 'A closing minute: what is your key message?',
              },
              answer: {
                nb: 'Sandvik bruker sitt siste minutt på å oppsummere sine hovedpoenger fra samtalen.',
                en: 'Sandvik uses his last minute to sum up his main points from the conversation.',
              },
              answeredBy: 'tore-sandvik',
            },
            {
              question: {
                nb: 'Et avsluttende minutt: hva er ditt viktigste budskap?',
                en: 'A closing minute: what is your key message?',
              },
              answer: {
                nb: 'Jøsendal avslutter med sin egen oppsummering av samtalen.',
                en: 'Jøsendal closes with her own summary of the conversation.',
              },
              answeredBy: 'pia-josendal',
            },
          ],
        },
      ],
    },

    // 4. Umeå Jobbhackathon 2016 — "first week of October"; exact days and times not given.
    {
      slug: 'umea-jobbhackathon-2016',
      name: 'Umeå Jobbhackathon 2016',
      series: 'Umeå Jobbhackathon',
      edition: 2016,
      description: {
        sv: 'Ett jobbhackathon i Umeå där Arbetsförmedlingens digitala innovationsarbete samlade deltagare kring bättre matchning och nya vägar till jobb, varvat med inspirationsföreläsningar.',
        en: "A job hackathon in Umeå where Arbetsförmedlingen's digital innovation work brought participants together around better matching and new routes to jobs, interspersed with inspiration talks.",
      },
      startDate: '2016-10-03',
      endDate: '2016-10-05',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
      city: 'Umeå',
      organiser: 'Arbetsförmedlingen',
      status: ConferenceStatus.PUBLISHED,
      rooms: [{ slug: 'huvudlokalen', name: 'Huvudlokalen' }],
      tracks: [
        { slug: 'hackathon', name: 'Hackathon' },
        { slug: 'inspiration', name: 'Inspirationsföreläsningar' },
      ],
      sessions: [
        {
          key: 'umea-jobbhackathon',
          title: {
            sv: 'Jobbhackathon: bättre matchning och nya vägar till jobb',
            en: 'Job hackathon: better matching and new routes to jobs',
          },
          abstract: {
            sv: 'Under några dagar arbetar deltagarna i team med idéer för hur arbetssökande och arbetsgivare kan hitta varandra bättre, och hur fler kan hitta nya vägar till jobb.',
            en: 'Over several days, participants work in teams on ideas for how job seekers and employers can find each other more easily, and how more people can find new routes into work.',
          },
          format: SessionFormat.HACKATHON,
          language: 'sv',
          room: 'huvudlokalen',
          track: 'hackathon',
          start: '2016-10-03T09:00',
          end: '2016-10-05T16:00',
          status: SessionStatus.TENTATIVE,
          notes: 'Only "the first week of October 2016" is known; the days and times are not confirmed.',
          appearances: [],
        },
        {
          key: 'umea-2016-lundin',
          title: {
            sv: 'Hackathon som ett sätt att våga pröva',
            en: 'Hackathons as a way to dare to try',
          },
          abstract: {
            sv: 'Chefen för Arbetsförmedlingens digitala innovationscenter om hur hackathons kan hjälpa en myndighet att våga pröva nya idéer i små steg.',
            en: "The head of Arbetsförmedlingen's digital innovation centre on how hackathons can help a public agency dare to try new ideas in small steps.",
          },
          format: SessionFormat.TALK,
          language: 'sv',
          room: 'huvudlokalen',
          track: 'inspiration',
          start: '2016-10-03T09:15',
          end: '2016-10-03T09:45',
          status: SessionStatus.TENTATIVE,
          notes: 'Date and time are not confirmed. The title describes the topic; the official title is not known.',
          appearances: [
            {
              speaker: 'olle-lundin',
              role: AppearanceRole.SPEAKER,
              title: 'chef för digitala innovationscentret',
              organisation: 'Arbetsförmedlingen',
            },
          ],
        },
        {
          key: 'umea-2016-danneels',
          title: {
            en: 'VDAB: becoming a digital agency with an ecosystem of partners',
            sv: 'VDAB: att bli en digital myndighet med ett ekosystem av partner',
          },
          abstract: {
            en: 'How VDAB, the Flemish public employment service, turned itself into a digital agency that delivers its services through an ecosystem of service partners.',
            sv: 'Hur VDAB, den flamländska arbetsförmedlingen, blev en digital myndighet som levererar sina tjänster genom ett ekosystem av tjänstepartner.',
          },
          format: SessionFormat.TALK,
          language: 'en',
          room: 'huvudlokalen',
          track: 'inspiration',
          start: '2016-10-03T10:00',
          end: '2016-10-03T10:30',
          status: SessionStatus.TENTATIVE,
          notes: 'Date and time are not confirmed. The title describes the topic; the official title is not known.',
          appearances: [
            {
              speaker: 'lieselot-danneels',
              role: AppearanceRole.SPEAKER,
              title: 'researcher',
              organisation: 'Vlerick Business School',
            },
          ],
        },
        {
          key: 'umea-2016-sandstrom',
          title: {
            sv: 'Offentliga tjänster byggda på öppna data och ekosystemtänkande',
            en: 'Public services built on open data and ecosystem thinking',
          },
          abstract: {
            sv: 'Chefen för Arbetsförmedlingens avdelning för digitala tjänster om hur offentliga tjänster kan byggas på öppna data, så att andra aktörer kan bidra i ett gemensamt ekosystem.',
            en: "The head of Arbetsförmedlingen's department for digital services on how public services can be built on open data, so that other actors can contribute within a shared ecosystem.",
          },
          format: SessionFormat.TALK,
          language: 'sv',
          room: 'huvudlokalen',
          track: 'inspiration',
          start: '2016-10-03T10:45',
          end: '2016-10-03T11:15',
          status: SessionStatus.TENTATIVE,
          notes: 'Date and time are not confirmed. The title describes the topic; the official title is not known.',
          appearances: [
            {
              speaker: 'erik-sandstrom',
              role: AppearanceRole.SPEAKER,
              title: 'chef för avdelningen för digitala tjänster',
              organisation: 'Arbetsförmedlingen',
            },
          ],
        },
      ],
      interviews: [],
    },
  ],
};
