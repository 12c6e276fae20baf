/**
 * Medication names for the grounding check, generic and common brand, so a note's "Zoloft" meets the
 * session's "sertraline" and a drug the session never named is flagged.
 */

/**
 * Medication names, generic and common brand, one group per medicine with the generic first
 * ("a+b" for a combination, so "bactrim" stands for both) and brands after it: psychiatric
 * medicines, substance use treatment and common others, then the other medicines a US outpatient
 * or hospital note names, by body system. Every entry is one lower-case word of letters, as the
 * matcher reads words, so a two-word or hyphenated name is listed by its words ("carbidopa+levodopa").
 * A few standard British or INN spellings ride along as brands ("paracetamol", "salbutamol").
 * Insulin brands stand for the analogue and for insulin, so "Lantus" meets "insulin".
 * Left out on purpose: names that are ordinary words or first names ("Allegra", "Soma", "Emend",
 * "Versed", "Nix", "Ella", "Skyla", "Alli", "Bonine", "Plan B"), salt and form words ("sodium",
 * "acid", "sulfate"), everyday substances ("caffeine", "iron", "zinc", "calcium", "oxygen",
 * "saline"), messenger words used in psychoeducation ("dopamine", "serotonin", "norepinephrine",
 * "adrenaline", "oxytocin"), the bare word "vitamin", and vaccines.
 */
export const MEDICATION_GROUPS: readonly string[] = [
	// SSRIs, SNRIs and other antidepressants
	'sertraline zoloft', 'fluoxetine prozac sarafem', 'paroxetine paxil pexeva', 'citalopram celexa',
	'escitalopram lexapro', 'fluvoxamine luvox', 'vilazodone viibryd', 'vortioxetine trintellix',
	'venlafaxine effexor', 'desvenlafaxine pristiq', 'duloxetine cymbalta', 'levomilnacipran fetzima',
	'milnacipran savella', 'bupropion wellbutrin zyban aplenzin forfivo', 'mirtazapine remeron',
	'trazodone desyrel oleptro', 'nefazodone', 'amitriptyline elavil', 'nortriptyline pamelor',
	'imipramine tofranil', 'clomipramine anafranil', 'doxepin silenor sinequan', 'desipramine norpramin',
	'phenelzine nardil', 'tranylcypromine parnate', 'selegiline emsam eldepryl zelapar', 'esketamine spravato',
	'ketamine', 'zuranolone zurzuvae', 'brexanolone zulresso',
	// benzodiazepines, sleep aids and other anxiolytics
	'alprazolam xanax', 'clonazepam klonopin', 'lorazepam ativan', 'diazepam valium diastat valtoco',
	'chlordiazepoxide librium', 'temazepam restoril', 'oxazepam serax', 'clorazepate tranxene',
	'triazolam halcion', 'midazolam nayzilam', 'zolpidem ambien', 'eszopiclone lunesta', 'zaleplon sonata',
	'suvorexant belsomra', 'lemborexant dayvigo', 'ramelteon rozerem', 'melatonin', 'diphenhydramine benadryl',
	'hydroxyzine vistaril atarax', 'doxylamine unisom', 'buspirone buspar', 'propranolol inderal',
	'prazosin minipress', 'clonidine catapres kapvay', 'guanfacine intuniv tenex',
	'gabapentin neurontin gralise horizant', 'pregabalin lyrica',
	// stimulants and other ADHD medicines
	'methylphenidate ritalin concerta metadate daytrana methylin quillivant aptensio jornay cotempla relexxii',
	'dexmethylphenidate focalin', 'amphetamine adderall evekeo mydayis adzenys dyanavel',
	'lisdexamfetamine vyvanse', 'dextroamphetamine dexedrine zenzedi procentra xelstrym', 'atomoxetine strattera',
	'viloxazine qelbree', 'modafinil provigil', 'armodafinil nuvigil',
	// antipsychotics
	'aripiprazole abilify aristada', 'brexpiprazole rexulti', 'cariprazine vraylar',
	'risperidone risperdal perseris uzedy rykindo', 'paliperidone invega sustenna trinza hafyera',
	'olanzapine zyprexa relprevv', 'quetiapine seroquel', 'ziprasidone geodon', 'lurasidone latuda',
	'lumateperone caplyta', 'asenapine saphris', 'iloperidone fanapt', 'clozapine clozaril', 'haloperidol haldol',
	'chlorpromazine thorazine', 'fluphenazine prolixin', 'perphenazine trilafon', 'benztropine cogentin',
	// mood stabilisers
	'lithium lithobid eskalith', 'lamotrigine lamictal', 'divalproex depakote valproate valproic',
	'carbamazepine tegretol equetro carbatrol', 'oxcarbazepine trileptal oxtellar',
	'topiramate topamax trokendi qudexy',
	// opioids, overdose reversal and other substance use treatment
	'buprenorphine subutex sublocade brixadi butrans belbuca', 'buprenorphine+naloxone suboxone zubsolv',
	'methadone dolophine methadose', 'naloxone narcan kloxxado', 'naltrexone vivitrol revia',
	'oxycodone oxycontin roxicodone', 'oxycodone+acetaminophen percocet endocet',
	'hydrocodone vicodin norco hysingla zohydro', 'morphine kadian', 'fentanyl duragesic actiq sublimaze',
	'tramadol ultram conzip', 'codeine', 'hydromorphone dilaudid exalgo', 'acamprosate campral',
	'disulfiram antabuse', 'varenicline chantix', 'nicotine nicorette nicoderm nicotrol habitrol',
	// common others
	'ibuprofen advil motrin caldolor', 'acetaminophen tylenol paracetamol ofirmev',
	'naproxen aleve naprosyn anaprox', 'aspirin ecotrin bufferin',
	'levothyroxine synthroid levoxyl unithroid tirosint euthyrox', 'metformin glucophage glumetza fortamet riomet',
	'insulin humulin novolin afrezza', 'lisinopril zestril prinivil qbrelis', 'amlodipine norvasc',
	'atorvastatin lipitor', 'omeprazole prilosec', 'prednisone deltasone rayos',
	'albuterol ventolin proair proventil salbutamol', 'sumatriptan imitrex', 'ondansetron zofran',
	'semaglutide ozempic wegovy rybelsus', 'cyclobenzaprine flexeril amrix',
	// other psychiatric, sleep and movement-disorder medicines
	'loxapine loxitane adasuve', 'thiothixene navane', 'trifluoperazine stelazine', 'thioridazine mellaril',
	'pimozide orap', 'pimavanserin nuplazid', 'olanzapine+fluoxetine symbyax', 'olanzapine+samidorphan lybalvi',
	'xanomeline+trospium cobenfy', 'chlordiazepoxide+clidinium librax', 'dextromethorphan+bupropion auvelity',
	'dextromethorphan+quinidine nuedexta', 'gepirone exxua', 'protriptyline vivactil', 'trimipramine surmontil',
	'isocarboxazid marplan', 'methylfolate deplin', 'meprobamate', 'estazolam prosom', 'flurazepam dalmane',
	'daridorexant quviviq', 'tasimelteon hetlioz', 'solriamfetol sunosi', 'pitolisant wakix',
	'oxybate xyrem xywav lumryz', 'methamphetamine desoxyn', 'serdexmethylphenidate+dexmethylphenidate azstarys',
	'dexmedetomidine precedex igalmi', 'valbenazine ingrezza', 'deutetrabenazine austedo',
	'tetrabenazine xenazine', 'trihexyphenidyl artane', 'amantadine gocovri osmolex symmetrel',
	'lofexidine lucemyra', 'nalmefene opvee', 'phentermine adipex lomaira', 'phentermine+topiramate qsymia',
	'naltrexone+bupropion contrave', 'orlistat xenical',
	// ACE inhibitors, ARBs and other renin-angiotensin medicines (lisinopril is above)
	'enalapril vasotec epaned', 'ramipril altace', 'benazepril lotensin', 'quinapril accupril',
	'captopril capoten', 'fosinopril monopril', 'trandolapril mavik', 'losartan cozaar', 'valsartan diovan',
	'olmesartan benicar', 'irbesartan avapro', 'telmisartan micardis', 'candesartan atacand', 'azilsartan edarbi',
	'sacubitril+valsartan entresto', 'lisinopril+hydrochlorothiazide zestoretic',
	'losartan+hydrochlorothiazide hyzaar', 'amlodipine+benazepril lotrel', 'amlodipine+valsartan exforge',
	'amlodipine+olmesartan azor',
	// beta blockers (propranolol is above)
	'metoprolol lopressor toprol', 'atenolol tenormin', 'carvedilol coreg', 'bisoprolol zebeta',
	'nebivolol bystolic', 'labetalol trandate', 'nadolol corgard', 'sotalol betapace sotylize',
	'esmolol brevibloc', 'timolol timoptic', 'atenolol+chlorthalidone tenoretic',
	'bisoprolol+hydrochlorothiazide ziac',
	// calcium channel blockers (amlodipine is above)
	'diltiazem cardizem tiazac cartia', 'verapamil calan verelan isoptin', 'nifedipine procardia adalat',
	'felodipine plendil', 'nicardipine cardene', 'nimodipine nymalize', 'amlodipine+atorvastatin caduet',
	// diuretics
	'furosemide lasix', 'bumetanide bumex', 'torsemide demadex soaanz', 'hydrochlorothiazide microzide hctz',
	'chlorthalidone thalitone', 'metolazone zaroxolyn', 'indapamide', 'spironolactone aldactone carospir',
	'eplerenone inspra', 'triamterene+hydrochlorothiazide dyazide maxzide', 'amiloride', 'acetazolamide diamox',
	'mannitol osmitrol', 'finerenone kerendia',
	// other antihypertensive, heart failure and pulmonary hypertension medicines
	'hydralazine apresoline', 'hydralazine+isosorbide bidil', 'minoxidil loniten rogaine', 'methyldopa aldomet',
	'doxazosin cardura', 'terazosin hytrin', 'ivabradine corlanor', 'tafamidis vyndaqel vyndamax',
	'midodrine proamatine', 'droxidopa northera', 'bosentan tracleer', 'ambrisentan letairis',
	'treprostinil tyvaso remodulin orenitram',
	// statins and other lipid-lowering medicines (atorvastatin is above)
	'rosuvastatin crestor', 'simvastatin zocor', 'pravastatin pravachol', 'lovastatin mevacor altoprev',
	'pitavastatin livalo', 'ezetimibe zetia', 'ezetimibe+simvastatin vytorin',
	'fenofibrate tricor trilipix lofibra', 'gemfibrozil lopid', 'niacin niaspan niacor', 'evolocumab repatha',
	'alirocumab praluent', 'inclisiran leqvio', 'bempedoic nexletol', 'icosapent vascepa', 'colesevelam welchol',
	'cholestyramine questran prevalite',
	// antiplatelets, anticoagulants and their reversal
	'clopidogrel plavix', 'prasugrel effient', 'ticagrelor brilinta', 'dipyridamole persantine',
	'aspirin+dipyridamole aggrenox', 'cilostazol pletal', 'warfarin coumadin jantoven', 'apixaban eliquis',
	'rivaroxaban xarelto', 'dabigatran pradaxa', 'edoxaban savaysa', 'enoxaparin lovenox', 'dalteparin fragmin',
	'heparin', 'fondaparinux arixtra', 'argatroban', 'alteplase activase cathflo', 'tenecteplase tnkase',
	'tranexamic cyklokapron lysteda', 'phytonadione mephyton', 'protamine',
	// antiarrhythmics, digoxin, nitrates and other antianginals
	'amiodarone pacerone cordarone nexterone', 'dronedarone multaq', 'flecainide tambocor', 'propafenone rythmol',
	'dofetilide tikosyn', 'mexiletine', 'adenosine adenocard', 'digoxin lanoxin digitek',
	'nitroglycerin nitrostat nitrolingual', 'isosorbide imdur isordil', 'ranolazine ranexa',
	// vasopressors and inotropes
	'epinephrine epipen adrenaclick symjepi', 'phenylephrine', 'vasopressin vasostrict', 'dobutamine', 'milrinone',
	// diabetes: metformin (above), sulfonylureas, DPP-4 inhibitors, SGLT2 inhibitors, GLP-1 agonists and others
	'glipizide glucotrol', 'glyburide diabeta glynase micronase glibenclamide', 'glimepiride amaryl',
	'sitagliptin januvia', 'saxagliptin onglyza', 'linagliptin tradjenta', 'alogliptin nesina',
	'sitagliptin+metformin janumet', 'linagliptin+metformin jentadueto', 'empagliflozin jardiance',
	'dapagliflozin farxiga', 'canagliflozin invokana', 'ertugliflozin steglatro',
	'empagliflozin+metformin synjardy', 'dapagliflozin+metformin xigduo', 'empagliflozin+linagliptin glyxambi',
	'liraglutide victoza saxenda', 'dulaglutide trulicity', 'exenatide byetta bydureon',
	'tirzepatide mounjaro zepbound', 'pioglitazone actos', 'rosiglitazone avandia', 'repaglinide prandin',
	'nateglinide starlix', 'acarbose precose', 'glucagon baqsimi gvoke',
	// insulins: each brand stands for its analogue and for insulin
	'glargine+insulin lantus basaglar toujeo semglee rezvoglar', 'lispro+insulin humalog admelog lyumjev',
	'aspart+insulin novolog fiasp', 'glulisine+insulin apidra', 'detemir+insulin levemir',
	'degludec+insulin tresiba', 'glargine+lixisenatide+insulin soliqua', 'degludec+liraglutide+insulin xultophy',
	// thyroid, corticosteroids and other endocrine medicines
	'liothyronine cytomel', 'methimazole tapazole', 'propylthiouracil', 'prednisolone orapred millipred pediapred',
	'methylprednisolone medrol', 'dexamethasone decadron hemady', 'hydrocortisone cortef cortaid', 'cortisone',
	'fludrocortisone florinef', 'budesonide entocort uceris pulmicort rhinocort tarpeyo',
	'triamcinolone kenalog nasacort zilretta', 'betamethasone celestone diprolene luxiq',
	'desmopressin ddavp noctiva nocdurna', 'cabergoline dostinex', 'bromocriptine parlodel cycloset',
	'octreotide sandostatin', 'somatropin genotropin humatrope norditropin omnitrope', 'tolvaptan samsca jynarque',
	'cinacalcet sensipar', 'calcitriol rocaltrol',
	// sex hormones, contraception and fertility
	'testosterone androgel testim axiron aveed xyosted jatenzo',
	'estradiol estrace vivelle climara divigel vagifem minivelle', 'estrogens premarin',
	'estrogens+medroxyprogesterone prempro', 'medroxyprogesterone provera', 'progesterone prometrium crinone',
	'norethindrone aygestin', 'levonorgestrel mirena', 'etonogestrel nexplanon nuvaring implanon',
	'norelgestromin xulane', 'drospirenone slynd', 'clomiphene clomid', 'mifepristone mifeprex korlym',
	'misoprostol cytotec', 'methylergonovine methergine', 'relugolix orgovyx', 'fezolinetant veozah',
	'doxylamine+pyridoxine diclegis bonjesta',
	// osteoporosis, gout and kidney mineral medicines
	'alendronate fosamax binosto', 'risedronate actonel atelvia', 'ibandronate boniva',
	'zoledronic reclast zometa', 'denosumab prolia xgeva', 'raloxifene evista', 'teriparatide forteo',
	'allopurinol zyloprim aloprim', 'febuxostat uloric', 'colchicine colcrys mitigare gloperba', 'probenecid',
	'sevelamer renvela renagel', 'patiromer veltassa',
	// respiratory: inhalers, asthma and COPD medicines (albuterol is above)
	'levalbuterol xopenex', 'ipratropium atrovent', 'albuterol+ipratropium combivent duoneb', 'tiotropium spiriva',
	'tiotropium+olodaterol stiolto', 'umeclidinium incruse', 'umeclidinium+vilanterol anoro',
	'glycopyrrolate+formoterol bevespi', 'fluticasone flovent flonase arnuity',
	'fluticasone+salmeterol advair wixela airduo', 'fluticasone+vilanterol breo',
	'fluticasone+umeclidinium+vilanterol trelegy', 'budesonide+formoterol symbicort breyna',
	'budesonide+glycopyrrolate+formoterol breztri', 'mometasone asmanex nasonex elocon',
	'mometasone+formoterol dulera', 'beclomethasone qvar beconase', 'ciclesonide alvesco omnaris zetonna',
	'salmeterol serevent', 'formoterol perforomist', 'montelukast singulair', 'zafirlukast accolate',
	'theophylline uniphyl elixophyllin', 'roflumilast daliresp zoryve', 'cromolyn nasalcrom gastrocrom',
	'omalizumab xolair', 'mepolizumab nucala', 'benralizumab fasenra', 'dupilumab dupixent',
	'tezepelumab tezspire', 'pirfenidone esbriet', 'nintedanib ofev', 'elexacaftor+tezacaftor+ivacaftor trikafta',
	'acetylcysteine mucomyst acetadote',
	// antihistamines, decongestants and cough medicines (diphenhydramine and hydroxyzine are above)
	'loratadine claritin alavert', 'desloratadine clarinex', 'cetirizine zyrtec', 'levocetirizine xyzal',
	'fexofenadine', 'chlorpheniramine', 'cyproheptadine periactin', 'promethazine phenergan', 'meclizine antivert',
	'dimenhydrinate dramamine', 'azelastine astelin astepro', 'olopatadine patanol pataday patanase',
	'pseudoephedrine sudafed', 'oxymetazoline afrin', 'guaifenesin mucinex robitussin', 'dextromethorphan delsym',
	'benzonatate tessalon', 'acetaminophen+dextromethorphan+doxylamine nyquil',
	'acetaminophen+dextromethorphan+phenylephrine dayquil', 'chlorpheniramine+dextromethorphan coricidin',
	// GI: acid suppression, antiemetics, laxatives, antidiarrheals, IBD and liver (omeprazole and ondansetron are above)
	'esomeprazole nexium', 'pantoprazole protonix', 'lansoprazole prevacid', 'rabeprazole aciphex',
	'dexlansoprazole dexilant', 'famotidine pepcid', 'ranitidine zantac', 'cimetidine tagamet',
	'sucralfate carafate', 'simethicone mylicon', 'prochlorperazine compazine', 'metoclopramide reglan gimoti',
	'granisetron sancuso sustol', 'aprepitant', 'scopolamine', 'dronabinol marinol syndros',
	'polyethylene miralax glycolax', 'docusate colace', 'senna senokot', 'bisacodyl dulcolax',
	'lactulose enulose kristalose', 'psyllium metamucil', 'lubiprostone amitiza', 'linaclotide linzess',
	'plecanatide trulance', 'prucalopride motegrity', 'methylnaltrexone relistor', 'naloxegol movantik',
	'loperamide imodium', 'diphenoxylate+atropine lomotil', 'bismuth pepto', 'dicyclomine bentyl',
	'hyoscyamine levsin', 'mesalamine lialda asacol pentasa apriso delzicol mesalazine',
	'sulfasalazine azulfidine', 'rifaximin xifaxan', 'ursodiol actigall', 'pancrelipase creon zenpep pancreaze',
	// antibiotics: penicillins, cephalosporins, carbapenems and monobactams
	'penicillin bicillin', 'amoxicillin amoxil', 'amoxicillin+clavulanate augmentin', 'ampicillin',
	'ampicillin+sulbactam unasyn', 'piperacillin+tazobactam zosyn', 'dicloxacillin', 'nafcillin',
	'cephalexin keflex cefalexin', 'cefadroxil duricef', 'cefazolin ancef', 'cefuroxime ceftin zinacef',
	'cefdinir omnicef', 'cefpodoxime vantin', 'cefixime suprax', 'ceftriaxone rocephin',
	'ceftazidime fortaz tazicef', 'cefepime maxipime', 'ceftaroline teflaro', 'meropenem merrem',
	'imipenem+cilastatin primaxin', 'ertapenem invanz', 'aztreonam azactam',
	// antibiotics: macrolides, fluoroquinolones, tetracyclines and others
	'azithromycin zithromax', 'clarithromycin biaxin', 'erythromycin erythrocin eryped', 'ciprofloxacin cipro',
	'levofloxacin levaquin', 'moxifloxacin avelox vigamox', 'ofloxacin ocuflox',
	'doxycycline vibramycin doryx acticlate', 'minocycline minocin solodyn', 'tetracycline',
	'vancomycin vancocin firvanq', 'clindamycin cleocin clindagel', 'metronidazole flagyl metrogel',
	'tinidazole tindamax', 'nitrofurantoin macrobid macrodantin', 'sulfamethoxazole+trimethoprim bactrim septra',
	'trimethoprim', 'fosfomycin monurol', 'linezolid zyvox', 'daptomycin cubicin', 'gentamicin',
	'tobramycin tobrex', 'amikacin', 'fidaxomicin dificid', 'rifampin rifadin rifampicin', 'isoniazid',
	'pyrazinamide', 'ethambutol myambutol', 'dapsone aczone', 'mupirocin bactroban', 'bacitracin', 'neomycin',
	'bacitracin+neomycin+polymyxin neosporin', 'bacitracin+polymyxin polysporin', 'chlorhexidine peridex',
	// antivirals: herpes, influenza and COVID-19
	'acyclovir zovirax aciclovir', 'valacyclovir valtrex valaciclovir', 'famciclovir famvir',
	'ganciclovir cytovene', 'valganciclovir valcyte', 'oseltamivir tamiflu', 'zanamivir relenza',
	'baloxavir xofluza', 'nirmatrelvir+ritonavir paxlovid', 'molnupiravir lagevrio', 'remdesivir veklury',
	// antivirals: HIV, including combination tablets
	'zidovudine retrovir', 'lamivudine epivir', 'abacavir ziagen', 'emtricitabine emtriva',
	'tenofovir viread vemlidy', 'abacavir+lamivudine epzicom', 'lamivudine+zidovudine combivir',
	'abacavir+lamivudine+zidovudine trizivir', 'abacavir+dolutegravir+lamivudine triumeq',
	'emtricitabine+tenofovir truvada descovy', 'efavirenz sustiva', 'efavirenz+emtricitabine+tenofovir atripla',
	'rilpivirine edurant', 'emtricitabine+rilpivirine+tenofovir complera odefsey', 'nevirapine viramune',
	'etravirine intelence', 'doravirine pifeltro', 'doravirine+lamivudine+tenofovir delstrigo',
	'dolutegravir tivicay', 'dolutegravir+lamivudine dovato', 'dolutegravir+rilpivirine juluca',
	'raltegravir isentress', 'bictegravir+emtricitabine+tenofovir biktarvy',
	'elvitegravir+cobicistat+emtricitabine+tenofovir genvoya stribild', 'darunavir prezista',
	'darunavir+cobicistat prezcobix', 'darunavir+cobicistat+emtricitabine+tenofovir symtuza', 'atazanavir reyataz',
	'atazanavir+cobicistat evotaz', 'lopinavir+ritonavir kaletra', 'ritonavir norvir', 'cobicistat tybost',
	'maraviroc selzentry', 'cabotegravir vocabria apretude', 'cabotegravir+rilpivirine cabenuva',
	'lenacapavir sunlenca yeztugo',
	// antivirals: hepatitis B and C
	'entecavir baraclude', 'sofosbuvir sovaldi', 'ledipasvir+sofosbuvir harvoni', 'sofosbuvir+velpatasvir epclusa',
	'glecaprevir+pibrentasvir mavyret', 'ribavirin',
	// antifungals and antiparasitics
	'nystatin mycostatin', 'fluconazole diflucan', 'itraconazole sporanox', 'voriconazole vfend',
	'posaconazole noxafil', 'terbinafine lamisil', 'clotrimazole lotrimin mycelex',
	'clotrimazole+betamethasone lotrisone', 'miconazole monistat', 'ketoconazole nizoral', 'ciclopirox penlac',
	'griseofulvin', 'amphotericin ambisome abelcet', 'caspofungin cancidas', 'ivermectin stromectol soolantra',
	'albendazole albenza', 'mebendazole emverm vermox', 'hydroxychloroquine plaquenil', 'chloroquine',
	'atovaquone+proguanil malarone', 'permethrin elimite',
	// analgesics, NSAIDs and local anaesthetics (ibuprofen, naproxen, acetaminophen and opioids are above)
	'ketorolac toradol sprix acular', 'meloxicam mobic', 'celecoxib celebrex',
	'diclofenac voltaren cataflam zipsor zorvolex', 'diclofenac+misoprostol arthrotec', 'etodolac lodine',
	'nabumetone relafen', 'indomethacin indocin', 'piroxicam feldene', 'sulindac clinoril', 'oxaprozin daypro',
	'acetaminophen+aspirin excedrin', 'butalbital+acetaminophen fioricet', 'butalbital+aspirin fiorinal',
	'oxymorphone opana', 'tapentadol nucynta', 'meperidine demerol pethidine', 'lidocaine xylocaine lidoderm',
	'bupivacaine marcaine sensorcaine exparel', 'ropivacaine naropin', 'benzocaine orajel',
	'capsaicin zostrix qutenza',
	// muscle relaxants and antispasticity medicines (cyclobenzaprine is above)
	'methocarbamol robaxin', 'tizanidine zanaflex', 'baclofen lioresal ozobax lyvispah', 'carisoprodol',
	'metaxalone skelaxin', 'orphenadrine norflex', 'chlorzoxazone lorzone', 'dantrolene dantrium ryanodex',
	// neurology: antiseizure medicines (valproate, lamotrigine, carbamazepine, topiramate are above)
	'levetiracetam keppra spritam', 'phenytoin dilantin', 'fosphenytoin cerebyx', 'lacosamide vimpat',
	'zonisamide zonegran', 'phenobarbital', 'primidone mysoline', 'ethosuximide zarontin',
	'clobazam onfi sympazan', 'brivaracetam briviact', 'eslicarbazepine aptiom', 'perampanel fycompa',
	'vigabatrin sabril', 'cenobamate xcopri', 'cannabidiol epidiolex',
	// neurology: dementia, Parkinson's disease and movement disorders
	'donepezil aricept', 'rivastigmine exelon', 'galantamine razadyne', 'memantine namenda',
	'memantine+donepezil namzaric', 'lecanemab leqembi', 'donanemab kisunla',
	'carbidopa+levodopa sinemet rytary duopa dhivy', 'carbidopa lodosyn', 'levodopa inbrija',
	'carbidopa+levodopa+entacapone stalevo', 'entacapone comtan', 'ropinirole requip', 'pramipexole mirapex',
	'rotigotine neupro', 'apomorphine apokyn kynmobi', 'rasagiline azilect',
	// neurology: multiple sclerosis, ALS, myasthenia and other
	'interferon avonex rebif betaseron plegridy', 'glatiramer copaxone glatopa', 'fingolimod gilenya',
	'teriflunomide aubagio', 'siponimod mayzent', 'ozanimod zeposia', 'ocrelizumab ocrevus', 'natalizumab tysabri',
	'ofatumumab kesimpta', 'dalfampridine ampyra', 'riluzole rilutek', 'pyridostigmine mestinon',
	// neurology: migraine (sumatriptan is above)
	'rizatriptan maxalt', 'zolmitriptan zomig', 'eletriptan relpax', 'naratriptan amerge',
	'sumatriptan+naproxen treximet', 'ubrogepant ubrelvy', 'rimegepant nurtec', 'atogepant qulipta',
	'erenumab aimovig', 'fremanezumab ajovy', 'galcanezumab emgality', 'dihydroergotamine migranal trudhesa',
	'ergotamine cafergot', 'onabotulinumtoxina botox',
	// urology and sexual health
	'tamsulosin flomax', 'alfuzosin uroxatral', 'silodosin rapaflo', 'finasteride proscar propecia',
	'dutasteride avodart', 'dutasteride+tamsulosin jalyn', 'sildenafil viagra revatio',
	'tadalafil cialis adcirca alyq', 'vardenafil levitra staxyn', 'oxybutynin ditropan oxytrol',
	'tolterodine detrol', 'solifenacin vesicare', 'fesoterodine toviaz', 'mirabegron myrbetriq',
	'vibegron gemtesa', 'phenazopyridine pyridium', 'bethanechol urecholine',
	// oncology: hormonal therapy
	'tamoxifen nolvadex soltamox', 'anastrozole arimidex', 'letrozole femara', 'exemestane aromasin',
	'fulvestrant faslodex', 'bicalutamide casodex', 'enzalutamide xtandi', 'abiraterone zytiga',
	'apalutamide erleada', 'darolutamide nubeqa', 'leuprolide lupron eligard fensolvi', 'goserelin zoladex',
	'degarelix firmagon', 'megestrol megace',
	// oncology: chemotherapy
	'capecitabine xeloda', 'fluorouracil adrucil efudex', 'carboplatin paraplatin', 'cisplatin platinol',
	'oxaliplatin eloxatin', 'paclitaxel taxol abraxane', 'docetaxel taxotere', 'doxorubicin adriamycin doxil',
	'cyclophosphamide cytoxan', 'ifosfamide ifex', 'methotrexate trexall otrexup rasuvo xatmep',
	'gemcitabine gemzar', 'pemetrexed alimta', 'irinotecan camptosar', 'etoposide etopophos',
	'vincristine oncovin', 'vinorelbine navelbine', 'cytarabine', 'azacitidine vidaza', 'decitabine dacogen',
	'temozolomide temodar', 'hydroxyurea hydrea droxia siklos', 'mercaptopurine purixan', 'leucovorin',
	// oncology: targeted therapy and immunotherapy
	'imatinib gleevec', 'dasatinib sprycel', 'nilotinib tasigna', 'ibrutinib imbruvica', 'venetoclax venclexta',
	'ruxolitinib jakafi', 'lenalidomide revlimid', 'thalidomide thalomid', 'bortezomib velcade',
	'daratumumab darzalex', 'osimertinib tagrisso', 'erlotinib tarceva', 'palbociclib ibrance',
	'ribociclib kisqali', 'abemaciclib verzenio', 'olaparib lynparza', 'sunitinib sutent', 'sorafenib nexavar',
	'everolimus afinitor zortress', 'bevacizumab avastin', 'trastuzumab herceptin', 'pertuzumab perjeta',
	'rituximab rituxan truxima', 'cetuximab erbitux', 'pembrolizumab keytruda', 'nivolumab opdivo',
	'ipilimumab yervoy', 'atezolizumab tecentriq', 'durvalumab imfinzi',
	// oncology supportive care and blood cell growth factors
	'filgrastim neupogen zarxio', 'pegfilgrastim neulasta', 'epoetin epogen procrit retacrit',
	'darbepoetin aranesp',
	// dermatology: topical steroids, acne and other skin medicines (triamcinolone, hydrocortisone and
	// betamethasone are with the steroids, mupirocin with the antibiotics)
	'clobetasol temovate clobex olux', 'fluocinonide lidex', 'fluocinolone synalar', 'desonide desowen',
	'tretinoin retin renova atralin', 'adapalene differin', 'tazarotene tazorac',
	'isotretinoin accutane absorica claravis', 'benzoyl', 'clindamycin+benzoyl benzaclin duac',
	'azelaic finacea azelex', 'tacrolimus prograf protopic envarsus astagraf', 'pimecrolimus elidel',
	'crisaborole eucrisa', 'calcipotriene dovonex', 'imiquimod aldara zyclara', 'sulfadiazine silvadene',
	// immunology, rheumatology, transplant and biologics
	'adalimumab humira amjevita hadlima hyrimoz cyltezo', 'etanercept enbrel',
	'infliximab remicade inflectra renflexis avsola', 'certolizumab cimzia', 'golimumab simponi',
	'tocilizumab actemra', 'sarilumab kevzara', 'abatacept orencia', 'anakinra kineret', 'tofacitinib xeljanz',
	'baricitinib olumiant', 'upadacitinib rinvoq', 'vedolizumab entyvio', 'ustekinumab stelara',
	'secukinumab cosentyx', 'ixekizumab taltz', 'guselkumab tremfya', 'risankizumab skyrizi', 'apremilast otezla',
	'deucravacitinib sotyktu', 'belimumab benlysta', 'leflunomide arava', 'azathioprine imuran azasan',
	'mycophenolate cellcept myfortic', 'cyclosporine neoral sandimmune gengraf restasis ciclosporin',
	'sirolimus rapamune',
	// ophthalmic medicines
	'latanoprost xalatan', 'bimatoprost lumigan latisse', 'travoprost travatan', 'brimonidine alphagan',
	'dorzolamide trusopt', 'dorzolamide+timolol cosopt', 'lifitegrast xiidra', 'tobramycin+dexamethasone tobradex',
	'pilocarpine salagen vuity', 'ranibizumab lucentis', 'aflibercept eylea',
	// anaesthesia, sedation, reversal and antidotes
	'propofol diprivan', 'rocuronium zemuron', 'vecuronium', 'succinylcholine anectine quelicin',
	'sugammadex bridion', 'neostigmine bloxiverz', 'glycopyrrolate robinul cuvposa', 'atropine',
	'flumazenil romazicon', 'droperidol inapsine', 'dextrose',
	// vitamins, minerals and supplements named as medicines
	'multivitamin', 'cyanocobalamin', 'thiamine', 'pyridoxine', 'folic folate', 'cholecalciferol colecalciferol',
	'ergocalciferol drisdol', 'ascorbic', 'biotin', 'ferrous', 'magnesium', 'potassium', 'glucosamine',
	'chondroitin'
];

/** Lower-case medication name to the generic name(s) it stands for. */
export const MEDICATIONS: ReadonlyMap<string, readonly string[]> = (() => {
	const map = new Map<string, readonly string[]>();
	for (const group of MEDICATION_GROUPS) {
		// The first word names the generic(s), "a+b" for a combination; the rest are brands.
		const [head, ...brands] = group.split(' ');
		const generics = head!.split('+');
		for (const generic of generics) if (!map.has(generic)) map.set(generic, [generic]);
		for (const brand of brands) map.set(brand, generics);
	}
	return map;
})();
